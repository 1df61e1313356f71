"""The one library the services and the gateway share: settings, database, auth, errors, HTTP."""
