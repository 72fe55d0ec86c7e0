using Bunit;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Web.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace LatentWorkbench.Web.Tests.Components;

[CollectionDefinition(Name)]
public sealed class ToyComponentCollection : ICollectionFixture<ToyModelFixture>
{
    public const string Name = "toy components";
}

/// <summary>A bUnit context with MudBlazor and the toy domain served from the shared toy model.</summary>
internal static class ToyContext
{
    public static BunitContext Create(ToyModelFixture toy)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Models:toy"] = toy.ModelFolder, ["Device"] = "cpu",
        }).Build();
        var registry = new DomainRegistry([toy.Domain]);
        context.Services.AddSingleton(registry);
        context.Services.AddSingleton<IConfiguration>(configuration);
        context.Services.AddSingleton(new ModelHub(registry, configuration, NullLogger<ModelHub>.Instance));
        return context;
    }
}
