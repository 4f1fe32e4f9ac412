from kx_ceremony.cli import main

raise SystemExit(main())
