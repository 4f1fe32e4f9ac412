def test_demo_prints_id_and_lists(cli):
    result = cli("demo")
    assert result.status == 0, result.err
    assert result.last_line.isdigit()
