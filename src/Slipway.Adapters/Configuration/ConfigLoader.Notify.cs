using System.Text.RegularExpressions;
using Slipway.Core.Notifications;

namespace Slipway.Adapters.Configuration;

/// <summary>The `notify:` section: a list of notifiers (slack, webhook, email), each with its events, environments and template.</summary>
/// <remarks>Secrets (webhook URLs, signing keys, SMTP passwords) are named by environment variable (`*_env` keys), never written
/// in the file; the variables are read when a command that notifies starts (NotifierFactory), not here.</remarks>
public static partial class ConfigLoader
{
    private static List<NotifierSettings> ReadNotify(YamlNodeReader root, string key)
    {
        var entries = root.MappingList(key);
        if (entries is null)
        {
            return [];
        }

        var result = new List<NotifierSettings>();
        foreach (var entry in entries)
        {
            var notifier = ReadNotifier(entry);
            if (result.Any(n => n.Name == notifier.Name))
            {
                throw YamlNodeReader.Error(entry.File, entry.Node("name") ?? entry.Where, entry.KeyPath("name"),
                    $"two notifiers are named '{notifier.Name}'", "give each notifier its own name: (notify test NAME and the warnings use it)");
            }

            result.Add(notifier);
        }

        return result;
    }

    private static NotifierSettings ReadNotifier(YamlNodeReader entry)
    {
        var kindText = entry.Text("kind") ?? throw Missing(entry, "kind", "slack, webhook or email");
        NotifierKind kind = kindText switch
        {
            "slack" => NotifierKind.Slack,
            "webhook" => NotifierKind.Webhook,
            "email" => NotifierKind.Email,
            _ => throw YamlNodeReader.Error(entry.File, entry.Node("kind")!, entry.KeyPath("kind"), $"'{kindText}' is not a kind of notifier",
                "use slack, webhook or email"),
        };
        var name = entry.Text("name") ?? kindText;
        if (!NotifierName().IsMatch(name))
        {
            throw YamlNodeReader.Error(entry.File, entry.Node("name")!, entry.KeyPath("name"), $"'{name}' is not a usable notifier name",
                "use letters, digits, '.', '_' or '-', e.g. team-slack");
        }

        var events = ReadEvents(entry);
        var environments = entry.StringList("environments");
        foreach (var environment in environments ?? [])
        {
            if (!EnvironmentName().IsMatch(environment))
            {
                throw YamlNodeReader.Error(entry.File, entry.Node("environments")!, entry.KeyPath("environments"), $"'{environment}' is not an environment name",
                    "list environments from environments:, e.g. [production]");
            }
        }

        var template = entry.Text("template") is { } path ? NotAnOption(entry, "template", path) : null;
        var timeout = DurationValue(entry, "timeout") ?? TimeSpan.FromSeconds(10);
        var settings = new NotifierSettings
        {
            Name = name,
            Kind = kind,
            Events = events,
            Environments = environments,
            Template = template,
            Timeout = timeout,
        };
        settings = kind switch
        {
            NotifierKind.Slack => settings with { Url = Secret(entry, "url_env", required: true, "the Slack incoming webhook URL") },
            NotifierKind.Webhook => settings with
            {
                Url = Secret(entry, "url_env", required: true, "the URL to POST the event to"),
                SigningKey = Secret(entry, "secret_env", required: false, "the key that signs the payload"),
            },
            _ => ReadEmail(entry, settings),
        };
        entry.RejectUnknownKeys();
        return settings;
    }

    private static List<NotificationEvent> ReadEvents(YamlNodeReader entry)
    {
        var names = entry.StringList("events");
        if (names is null)
        {
            return [.. NotificationEvents.Subscribable];
        }

        var events = new List<NotificationEvent>();
        foreach (var name in names)
        {
            var value = NotificationEvents.Parse(name) ?? throw YamlNodeReader.Error(entry.File, entry.Node("events")!, entry.KeyPath("events"),
                $"'{name}' is not an event", $"use some of: {string.Join(", ", NotificationEvents.Subscribable.Select(NotificationEvents.Name))}");
            if (!events.Contains(value))
            {
                events.Add(value);
            }
        }

        return events.Count > 0
            ? events
            : throw YamlNodeReader.Error(entry.File, entry.Node("events")!, entry.KeyPath("events"), "the list of events is empty",
                "list the events to send, or remove events: for all of them");
    }

    private static NotifierSettings ReadEmail(YamlNodeReader entry, NotifierSettings settings)
    {
        var smtp = entry.Mapping("smtp") ?? throw Missing(entry, "smtp", "the server, e.g. smtp: { host: smtp.example.com, port: 587, user: bot, password_env: SMTP_PASSWORD }");
        var host = smtp.Text("host") ?? throw Missing(smtp, "host", "the SMTP server's name, e.g. smtp.example.com");
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw YamlNodeReader.Error(smtp.File, smtp.Node("host")!, smtp.KeyPath("host"), $"'{host}' is not a host name", "write the server's name or IP address, e.g. smtp.example.com");
        }

        var security = smtp.Choice("security", "starttls", "tls") switch
        {
            "tls" => SmtpSecurity.Tls,
            _ => SmtpSecurity.StartTls,
        };
        var port = smtp.Number("port", 1, 65535) ?? (security == SmtpSecurity.Tls ? 465 : 587);
        var user = smtp.Text("user");
        var password = Secret(smtp, "password_env", required: false, "the SMTP password");
        if ((user is null) != (password is null))
        {
            throw YamlNodeReader.Error(smtp.File, smtp.Where, smtp.Path, "user and password_env go together",
                "give both (to log in) or neither (a relay that needs no login)");
        }

        var caFile = smtp.Text("ca_file") is { } ca ? NotAnOption(smtp, "ca_file", ca) : null;
        smtp.RejectUnknownKeys();
        var from = Address(entry, "from") ?? throw Missing(entry, "from", "the sender, e.g. slipway@example.com");
        var to = entry.StringList("to") ?? throw Missing(entry, "to", "the recipients, e.g. [team@example.com]");
        if (to.Count == 0)
        {
            throw YamlNodeReader.Error(entry.File, entry.Node("to")!, entry.KeyPath("to"), "the list of recipients is empty", "add at least one address");
        }

        foreach (var address in to)
        {
            CheckAddress(entry, "to", address);
        }

        return settings with
        {
            Smtp = new SmtpSettings { Host = host, Port = port, Security = security, User = user, Password = password, CaFile = caFile },
            From = from,
            To = to,
        };
    }

    private static string? Address(YamlNodeReader reader, string key) =>
        reader.Text(key) is { } text ? CheckAddress(reader, key, text) : null;

    private static string CheckAddress(YamlNodeReader reader, string key, string address) =>
        MailAddress().IsMatch(address)
            ? address
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), $"'{address}' is not an email address",
                "write it as name@example.com");

    /// <summary>An environment variable's name under a `*_env` key; the value is read later, and never written in the file.</summary>
    private static SecretReference? Secret(YamlNodeReader reader, string key, bool required, string what)
    {
        var name = reader.Text(key);
        if (name is null)
        {
            return required ? throw Missing(reader, key, $"the name of the environment variable that holds {what}") : null;
        }

        return VariableName().IsMatch(name)
            ? new SecretReference(name, $"{reader.File}:{reader.Node(key)!.Start.Line}: {reader.KeyPath(key)}")
            : throw YamlNodeReader.Error(reader.File, reader.Node(key)!, reader.KeyPath(key), "is not an environment variable's name",
                $"write the name of the variable that holds {what} (e.g. SLACK_WEBHOOK_URL), never the secret itself");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$")]
    private static partial Regex NotifierName();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();

    // Deliberately plain: one local part, one domain with a dot or an IP literal, no spaces, no display name, no line breaks.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+|\[[0-9.]+\])$")]
    private static partial Regex MailAddress();
}
