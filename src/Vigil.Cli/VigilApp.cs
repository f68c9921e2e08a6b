using System.CommandLine;
using Vigil.Cli.Commands;

namespace Vigil.Cli;

/// <summary>Builds the <c>vigil</c> command tree and runs it with Vigil's exit-code conventions.</summary>
public static class VigilApp
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns 0 on success, 1 on a user error, 2 on an internal error.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var globals = new GlobalOptions();
        var context = new CommandContext(console, time, globals);
        var root = new RootCommand("Vigil: a self-healing MLOps platform for predictive maintenance.");
        globals.AddTo(root);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(DatasetsCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(CleanCommand.Create(context));
        root.Subcommands.Add(TrainCommand.Create(context));
        root.Subcommands.Add(EvaluateCommand.Create(context));
        root.Subcommands.Add(FeaturesCommand.Create(context));
        root.Subcommands.Add(PredictCommand.Create(context));
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ServerCommand.Create(context));
        root.Subcommands.Add(BrokerCommand.Create(context));
        root.Subcommands.Add(RunsCommand.Create(context));
        root.Subcommands.Add(ModelsCommand.Create(context));

        var parse = root.Parse(args);
        var invocation = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("vigil: cancelled").ConfigureAwait(false);
            return ExitCodes.UserError;
        }
    }
}
