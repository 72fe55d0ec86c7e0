using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>The real web app (built-in domains included) with <c>Plugins:Directory</c> pointing at a test plugin folder.</summary>
public sealed class PluginWebFactory(string pluginDirectory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Plugins:Directory", pluginDirectory);
        builder.UseSetting("Device", "cpu");
    }
}
