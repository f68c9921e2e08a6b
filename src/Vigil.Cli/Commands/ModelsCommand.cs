using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using Vigil.Pipelines.Tracking;
using Vigil.Tracking;
using Vigil.Tracking.Registry;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil models list|show|versions|alias|promote|rollback</c>: the model registry.</summary>
public static class ModelsCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create(CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("models", "The model registry: registered models, versions, aliases, promotion and rollback");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Versions(context));
        command.Subcommands.Add(Alias(context));
        command.Subcommands.Add(Promote(context));
        command.Subcommands.Add(Rollback(context));
        return command;
    }

    private static Option<bool> Json() => new("--json") { Description = "Print one JSON document on stdout" };

    private static Argument<string> NameArgument() => new("name") { Description = "The registered model" };

    private static Argument<string> VersionArgument() => new("version") { Description = "The version number" };

    private static Option<string> AliasOption() => new("--alias") { Description = "The alias to move", DefaultValueFactory = _ => ModelRegistrar.DefaultAlias, HelpName = "alias" };

    private static Option<string?> ReasonOption() => new("--reason") { Description = "Why (recorded in the audit log)", HelpName = "text" };

    private static ChangeContext Change(string? reason) => new(RunRecorder.CurrentUser(), reason);

    private static int ParseVersion(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new UserException($"Version '{text}' is not a positive integer.");

    private static Command List(CommandContext context)
    {
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("list", "List registered models") { json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var models = new List<RegisteredModel>();
            string? token = null;
            do
            {
                var page = await s.Registry.SearchRegisteredModelsAsync(new RegisteredModelSearch(MaxResults: 1000, PageToken: token), ct).ConfigureAwait(false);
                models.AddRange(page.Items);
                token = page.NextPageToken;
            }
            while (token is not null);

            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject { ["models"] = new JsonArray([.. models.Select(m => (JsonNode?)TrackingViews.Model(m))]) }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (models.Count == 0)
            {
                await context.Console.Out.WriteLineAsync("No registered models. Register one with: vigil train <dataset> --target <column> --register <name>").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("name", "latest version", "aliases", "updated");
            foreach (var m in models)
            {
                table.AddRow(
                    Markup.Escape(m.Name),
                    m.LatestVersions.Count > 0 ? m.LatestVersions.Max(v => v.Version).ToString(CultureInfo.InvariantCulture) : "-",
                    Markup.Escape(string.Join(", ", m.Aliases.Select(a => $"{a.Alias}→v{a.Version}"))),
                    TrackingViews.Time(m.LastUpdatedTimestamp));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Show(CommandContext context)
    {
        var name = NameArgument();
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("show", "Show a registered model: aliases, latest versions and its audit log") { name, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var model = await s.Registry.GetRegisteredModelAsync(parse.GetRequiredValue(name), ct).ConfigureAwait(false);
            var audit = await s.Registry.GetAuditLogAsync(new RegistryAuditQuery(model.Name), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                var document = TrackingViews.Model(model);
                document["audit"] = new JsonArray([.. audit.Items.Select(e => (JsonNode?)TrackingViews.Audit(e))]);
                await JsonOutput.WriteAsync(context.Console, document).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var o = context.Console.Out;
            await o.WriteLineAsync($"Model {model.Name}: created {TrackingViews.Time(model.CreationTimestamp)}, updated {TrackingViews.Time(model.LastUpdatedTimestamp)}").ConfigureAwait(false);
            if (!string.IsNullOrEmpty(model.Description))
            {
                await o.WriteLineAsync("  " + model.Description).ConfigureAwait(false);
            }

            await o.WriteLineAsync("  aliases: " + (model.Aliases.Count == 0 ? "none" : string.Join(", ", model.Aliases.Select(a => $"{a.Alias} → version {a.Version}")))).ConfigureAwait(false);
            foreach (var v in model.LatestVersions)
            {
                await o.WriteLineAsync($"  latest {v.CurrentStage}: version {v.Version} (run {v.RunId ?? "-"})").ConfigureAwait(false);
            }

            var table = new Table().AddColumns("when", "who", "action", "version", "key", "from", "to", "reason");
            foreach (var e in audit.Items)
            {
                table.AddRow(
                    TrackingViews.Time(e.Timestamp), Markup.Escape(e.Actor), e.Action.ToString(), e.Version?.ToString(CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(e.Key ?? ""), Markup.Escape(Short(e.From)), Markup.Escape(Short(e.To)), Markup.Escape(e.Reason ?? ""));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Versions(CommandContext context)
    {
        var name = NameArgument();
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("versions", "List a registered model's versions, newest first") { name, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var model = await s.Registry.GetRegisteredModelAsync(parse.GetRequiredValue(name), ct).ConfigureAwait(false);
            var versions = new List<ModelVersion>();
            string? token = null;
            do
            {
                var filter = $"name = '{model.Name.Replace("'", "''", StringComparison.Ordinal)}'";
                var page = await s.Registry.SearchModelVersionsAsync(new ModelVersionSearch(filter, 1000, ["version_number DESC"], token), ct).ConfigureAwait(false);
                versions.AddRange(page.Items);
                token = page.NextPageToken;
            }
            while (token is not null);

            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["name"] = model.Name,
                    ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode?)TrackingViews.Version(v))]),
                }).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("version", "stage", "aliases", "run id", "created", "metrics");
            foreach (var v in versions)
            {
                table.AddRow(
                    v.Version.ToString(CultureInfo.InvariantCulture),
                    v.CurrentStage.ToString(),
                    Markup.Escape(string.Join(", ", v.Aliases)),
                    v.RunId ?? "-",
                    TrackingViews.Time(v.CreationTimestamp),
                    Markup.Escape(string.Join("  ", (v.Metrics ?? new Dictionary<string, double>()).Take(4).Select(kv => $"{kv.Key} {TrackingViews.Number(kv.Value)}"))));
            }

            context.Console.OutConsole.Write(table);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Alias(CommandContext context)
    {
        var name = NameArgument();
        var alias = new Argument<string>("alias") { Description = "The alias, e.g. champion or challenger" };
        var version = new Argument<string?>("version") { Description = "The version to point at (omit with --delete)", Arity = ArgumentArity.ZeroOrOne };
        var delete = new Option<bool>("--delete") { Description = "Remove the alias instead of setting it" };
        var reason = ReasonOption();
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("alias", "Point an alias at a version, or remove it with --delete") { name, alias, version, delete, reason, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var modelName = parse.GetRequiredValue(name);
            var aliasName = parse.GetRequiredValue(alias);
            var versionText = parse.GetValue(version);
            var remove = parse.GetValue(delete);
            if (remove == (versionText is not null))
            {
                throw new UserException(remove ? "models alias --delete takes no version." : "models alias needs a VERSION (or --delete).");
            }

            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var change = Change(parse.GetValue(reason));
            int? target = null;
            if (remove)
            {
                await s.Registry.DeleteAliasAsync(modelName, aliasName, change, ct).ConfigureAwait(false);
            }
            else
            {
                target = ParseVersion(versionText!);
                await s.Registry.GetModelVersionAsync(modelName, target.Value, ct).ConfigureAwait(false);
                await s.Registry.SetAliasAsync(modelName, aliasName, target.Value, change, ct).ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject { ["name"] = modelName, ["alias"] = aliasName, ["version"] = target, ["deleted"] = remove }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync(remove ? $"Removed alias {aliasName} of {modelName}." : $"{modelName}@{aliasName} → version {target}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Promote(CommandContext context)
    {
        var name = NameArgument();
        var version = VersionArgument();
        var alias = AliasOption();
        var reason = ReasonOption();
        var production = new Option<bool>("--stage-production") { Description = "Also move the version to the legacy Production stage, archiving the others there" };
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("promote", "Point the alias (default champion) at a version") { name, version, alias, reason, production, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var modelName = parse.GetRequiredValue(name);
            var target = ParseVersion(parse.GetRequiredValue(version));
            var aliasName = parse.GetRequiredValue(alias);
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var before = await new ModelRegistrar(s.Registry).PromoteAsync(
                modelName, target, aliasName, parse.GetValue(production), Change(parse.GetValue(reason) ?? "promote"), ct).ConfigureAwait(false);
            var promoted = await s.Registry.GetModelVersionAsync(modelName, target, ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject
                {
                    ["name"] = modelName,
                    ["alias"] = aliasName,
                    ["from_version"] = before,
                    ["to_version"] = target,
                    ["stage"] = promoted.CurrentStage.ToString(),
                }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Promoted {modelName} version {target} to {aliasName} (was {(before is { } b ? "version " + b.ToString(CultureInfo.InvariantCulture) : "unset")}); stage {promoted.CurrentStage}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command Rollback(CommandContext context)
    {
        var name = NameArgument();
        var alias = AliasOption();
        var reason = ReasonOption();
        var json = Json();
        var store = StoreOption.Create();
        var command = new Command("rollback", "Move the alias (default champion) back to the version it pointed at before") { name, alias, reason, json, store };
        command.SetAction(context.Handle(async (parse, ct) =>
        {
            var modelName = parse.GetRequiredValue(name);
            var aliasName = parse.GetRequiredValue(alias);
            await using var s = Stores.Open(context, parse, parse.GetValue(store));
            var (from, to) = await new ModelRegistrar(s.Registry).RollbackAsync(modelName, aliasName, Change(parse.GetValue(reason) ?? "rollback"), ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await JsonOutput.WriteAsync(context.Console, new JsonObject { ["name"] = modelName, ["alias"] = aliasName, ["from_version"] = from, ["to_version"] = to }).ConfigureAwait(false);
            }
            else
            {
                await context.Console.Out.WriteLineAsync($"Rolled back {modelName}@{aliasName}: version {from} → version {to}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Short(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..57] + "...";
}
