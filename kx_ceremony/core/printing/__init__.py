"""Printed documents (ReportLab): certificates, stage papers, pledge documents."""
