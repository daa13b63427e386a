"""The web half of pmprep.review: what is due today across practised questions and stories, and the
Today page that starts it. It sits above both practice and stories, so neither imports the other's
queue."""
