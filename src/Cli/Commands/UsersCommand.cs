using System.CommandLine;
using LatentWorkbench.Storage;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>latent users list|add|set</c>: the accounts of a server with sign-in on, from the shell of the machine that holds
/// its database (to make the first admin, or to let an admin in again who lost their password). Passwords are read
/// from a file or standard input (<c>--password-file -</c>), never from the command line, and hashed as the web app's
/// Identity does.
/// </summary>
public static class UsersCommand
{
    /// <summary>Builds the command and its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        var storage = new StorageOptions();
        var name = new Argument<string>("name") { Description = "The user name" };
        var role = new Option<string?>("--role") { Description = $"One of {string.Join(", ", WorkbenchRoles.All)}" };
        var passwordFile = new Option<string?>("--password-file") { Description = "File whose first line is the password; '-' reads standard input", HelpName = "FILE" };

        var list = new Command("list", "List the users and their roles") { CommonOptions.Json };
        storage.AddTo(list);
        list.SetAction(parse =>
        {
            var users = new AccountStore(storage.Open(parse)).List();
            context.Write(parse, new { users = users.Select(u => new { name = u.UserName, role = u.Role, created = u.Created }) }, w =>
            {
                foreach (var user in users) w.WriteLine($"{user.UserName,-30} {user.Role}");
                w.WriteLine($"{users.Count} user(s)");
            });
            return CliErrors.Ok;
        });

        var add = new Command("add", "Add a user with a role and a password") { name, role, passwordFile };
        storage.AddTo(add);
        add.SetAction(parse =>
        {
            var userName = CheckedName(parse.GetRequiredValue(name));
            var user = new WorkbenchUser { UserName = userName, NormalizedUserName = Normalize(userName), Role = CheckedRole(parse.GetValue(role) ?? WorkbenchRoles.Viewer) };
            user.PasswordHash = new PasswordHasher<WorkbenchUser>().HashPassword(user, ReadPassword(parse.GetValue(passwordFile)));
            if (!new AccountStore(storage.Open(parse)).Create(user)) throw new ArgumentException($"The name '{userName}' is taken.");
            context.Output.WriteLine($"Added {userName} ({user.Role}).");
            return CliErrors.Ok;
        });

        var set = new Command("set", "Change a user's role, password or both (signs the user out everywhere)") { name, role, passwordFile };
        storage.AddTo(set);
        set.SetAction(parse =>
        {
            var accounts = new AccountStore(storage.Open(parse));
            var userName = parse.GetRequiredValue(name);
            var user = accounts.FindByName(Normalize(userName)) ?? throw new ArgumentException($"There is no user '{userName}'.");
            if (parse.GetValue(role) is null && parse.GetValue(passwordFile) is null) throw new ArgumentException("Give --role, --password-file or both.");
            if (parse.GetValue(role) is { } newRole) user.Role = CheckedRole(newRole);
            if (parse.GetValue(passwordFile) is { } file) user.PasswordHash = new PasswordHasher<WorkbenchUser>().HashPassword(user, ReadPassword(file));
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            accounts.Update(user);
            context.Output.WriteLine($"Changed {user.UserName} ({user.Role}).");
            return CliErrors.Ok;
        });
        return new Command("users", "Accounts of a server with sign-in on (in the web app's database)") { list, add, set };
    }

    // Identity's default lookup normalizer, the web app's, so that it finds the user by name.
    private static string Normalize(string userName) => new UpperInvariantLookupNormalizer().NormalizeName(userName);

    private static string CheckedName(string userName)
    {
        userName = userName.Trim();
        if (userName.Length is 0 or > AccountStore.MaxNameLength || userName.Any(c => !AccountStore.UserNameCharacters.Contains(c)))
            throw new ArgumentException($"A user name holds 1 to {AccountStore.MaxNameLength} letters, digits or '-._@+' (got '{userName}').");
        return userName;
    }

    private static string CheckedRole(string role) => WorkbenchRoles.IsRole(role)
        ? role
        : throw new ArgumentException($"Unknown role '{role}'; use one of {string.Join(", ", WorkbenchRoles.All)}.");

    private static string ReadPassword(string? file)
    {
        var line = file switch
        {
            null or "-" => Console.In.ReadLine(),
            _ when File.Exists(file) => File.ReadLines(file).FirstOrDefault(),
            _ => throw new FileNotFoundException($"No password file at '{file}'.", file),
        };
        return line is { Length: >= AccountStore.MinPasswordLength }
            ? line
            : throw new ArgumentException($"A password holds at least {AccountStore.MinPasswordLength} characters.");
    }
}
