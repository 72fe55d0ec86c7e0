using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>With sign-in off (the default), this machine is the local user and every other machine is refused.</summary>
public sealed class LocalAccessTests(LocalAccessTests.RemoteFactory remote, ToyWebFactory local)
    : IClassFixture<LocalAccessTests.RemoteFactory>, IClassFixture<ToyWebFactory>
{
    /// <summary>The app as reached from another machine (203.0.113.7, a documentation address).</summary>
    public sealed class RemoteFactory : ToyWebFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromElsewhere()));
        }

        private sealed class FromElsewhere : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, following) =>
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
                    return following(context);
                });
                next(app);
            };
        }
    }

    [Fact]
    public async Task ThisMachine_IsTheLocalAdmin()
    {
        var me = await local.CreateClient().GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.False(me.GetProperty("sign_in_enabled").GetBoolean());
    }

    [Theory]
    [InlineData("/api/domains")]
    [InlineData("/library")]
    public async Task AnotherMachine_IsRefused_WithHowToShareTheServer(string path)
    {
        var response = await remote.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Auth:Enabled=true", await response.Content.ReadAsStringAsync());
    }
}
