using Analytics.Cli;

// Main only wires: everything else lives in CliApplication and one class per command.
return await CliApplication.Create(TimeProvider.System, ConsoleSetup.ForProcess()).InvokeAsync(args);
