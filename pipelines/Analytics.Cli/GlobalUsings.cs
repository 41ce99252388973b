// The printers are used by nearly every command (and by files other work owns), so their namespace is imported once.
global using Analytics.Cli.Printing;
