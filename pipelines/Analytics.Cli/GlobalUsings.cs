// The printers are used by nearly every command, so their namespace is imported once for the project.
global using Analytics.Cli.Printing;
