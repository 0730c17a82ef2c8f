"""What the tests and `make bench` share: paths, the site builder, the server, page readers."""
