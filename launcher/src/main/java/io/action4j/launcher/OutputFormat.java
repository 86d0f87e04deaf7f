package io.action4j.launcher;

/** How a command prints its result. */
enum OutputFormat { TEXT, JSON, YAML }
