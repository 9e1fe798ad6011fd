// placeholder, filled below
enum PostfixPlaceholder {}
