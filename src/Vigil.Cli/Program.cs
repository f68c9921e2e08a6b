using Vigil.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

var console = new CliConsole(Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
return await VigilApp.RunAsync(args, console, TimeProvider.System, cancellation.Token);
