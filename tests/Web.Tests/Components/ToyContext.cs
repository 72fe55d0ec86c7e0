using Bunit;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using System.Security.Claims;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Apis;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace LatentWorkbench.Web.Tests.Components;

[CollectionDefinition(Name)]
public sealed class ToyComponentCollection : ICollectionFixture<ToyModelFixture>
{
    public const string Name = "toy components";
}

/// <summary>
/// A bUnit context with MudBlazor, the toy domain served from the shared toy model, and a fresh SQLite file; its user is
/// the local user of a server without sign-in (an admin), or the signed-in user <c>signedIn</c> (id and role).
/// </summary>
internal static class ToyContext
{
    public static BunitContext Create(ToyModelFixture toy, IEnumerable<IDomainModule>? extraDomains = null, string? toyModelFolder = null,
        (string Id, string Role)? signedIn = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:toy"] = toyModelFolder ?? toy.ModelFolder, ["Device"] = "cpu",
            ["Training:DataRoots"] = toy.Folder, ["Training:ModelsFolder"] = Path.Combine(Path.GetTempPath(), $"latent-bunit-models-{Guid.NewGuid():N}"),
        }).Build();
        var registry = new DomainRegistry([toy.Domain, .. extraDomains ?? []]);
        var database = new WorkbenchDatabase(Path.Combine(Path.GetTempPath(), $"latent-bunit-{Guid.NewGuid():N}.db"));
        context.Services.AddSingleton(registry);
        context.Services.AddSingleton<IConfiguration>(configuration);
        context.Services.AddSingleton(database);
        context.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        context.Services.AddWorkbenchServices();
        context.Services.AddSingleton(new SignInSettings());
        context.Services.AddSingleton<AccountStore>();
        var auth = context.AddAuthorization();
        auth.SetAuthorized(signedIn?.Id ?? "local");
        auth.SetRoles(signedIn?.Role ?? WorkbenchRoles.Admin);
        auth.SetClaims(signedIn is { } user ? new Claim(ClaimTypes.NameIdentifier, user.Id) : new Claim(WorkbenchCaller.LocalClaim, "true"));
        return context;
    }
}
