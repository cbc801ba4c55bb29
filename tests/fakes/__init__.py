"""Fake source systems (HubSpot, Salesforce) served on 127.0.0.1 for connector tests."""
