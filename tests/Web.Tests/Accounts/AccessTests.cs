using System.Net;
using System.Text.RegularExpressions;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LatentWorkbench.Web.Tests.Accounts;

/// <summary>
/// With sign-in on, every endpoint of the running app (API operations and pages, a plugin's too), enumerated from its
/// routing table, refuses anonymous callers and callers whose role is below what the table here says it needs. An
/// endpoint missing from the table fails the test: a new endpoint must be given its role.
/// </summary>
public sealed partial class AccessTests(SignInWebFactory factory) : IClassFixture<SignInWebFactory>
{
    /// <summary>The least role of each endpoint ("METHOD pattern"), or null for one anyone may call.</summary>
    private static readonly Dictionary<string, string?> Needed = new()
    {
        ["POST /account/sign-in"] = null,
        ["POST /account/sign-out"] = null,
        ["GET /account/login"] = null,
        ["GET /account/denied"] = null,
        ["GET /error"] = null,
        ["GET /api/account"] = WorkbenchRoles.Viewer,
        ["GET /api/domains/"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/encode"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/decode"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/interpolate"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/navigate"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/sample"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/sample-around"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/move"] = WorkbenchRoles.Viewer,
        ["GET /api/domains/{domain}/audio"] = WorkbenchRoles.Viewer,
        ["POST /api/domains/{domain}/read"] = WorkbenchRoles.Viewer,
        ["GET /api/domains/{domain}/file"] = WorkbenchRoles.Viewer,
        ["GET /api/plugins"] = WorkbenchRoles.Admin,
        ["GET /healthz"] = null,
        ["GET /api/instance"] = WorkbenchRoles.Admin,
        ["GET /api/library/{domain}/"] = WorkbenchRoles.Viewer,
        ["POST /api/library/{domain}/"] = WorkbenchRoles.Editor,
        ["POST /api/library/{domain}/import"] = WorkbenchRoles.Editor,
        ["GET /api/library/{domain}/export"] = WorkbenchRoles.Viewer,
        ["PUT /api/library/{domain}/{id:long}/shared"] = WorkbenchRoles.Editor,
        ["DELETE /api/library/{domain}/{id:long}"] = WorkbenchRoles.Editor,
        ["GET /api/sessions/"] = WorkbenchRoles.Viewer,
        ["GET /api/sessions/{id:long}"] = WorkbenchRoles.Viewer,
        ["GET /api/sessions/{id:long}/export"] = WorkbenchRoles.Viewer,
        ["GET /api/sessions/{id:long}/audio"] = WorkbenchRoles.Viewer,
        ["DELETE /api/sessions/{id:long}"] = WorkbenchRoles.Viewer,
        ["GET /api/models/"] = WorkbenchRoles.Viewer,
        ["GET /api/models/{domain}"] = WorkbenchRoles.Viewer,
        ["PUT /api/models/{domain}/active"] = WorkbenchRoles.Admin,
        ["GET /api/models/{domain}/evaluate/datasets"] = WorkbenchRoles.Admin,
        ["POST /api/models/{domain}/evaluate"] = WorkbenchRoles.Admin,
        ["GET /api/training/datasets"] = WorkbenchRoles.Admin,
        ["POST /api/training/datasets"] = WorkbenchRoles.Admin,
        ["GET /api/training/jobs"] = WorkbenchRoles.Admin,
        ["GET /api/training/jobs/{id:long}"] = WorkbenchRoles.Admin,
        ["POST /api/training/jobs"] = WorkbenchRoles.Admin,
        ["POST /api/training/jobs/{id:long}/cancel"] = WorkbenchRoles.Admin,
        ["POST /api/training/jobs/{id:long}/resume"] = WorkbenchRoles.Admin,
        ["DELETE /api/training/jobs/{id:long}"] = WorkbenchRoles.Admin,
        ["GET /openapi/{documentName}.json"] = WorkbenchRoles.Viewer,
        ["GET /api/reference/{documentName?}"] = WorkbenchRoles.Viewer,
        // The reference page's own scripts and icon: Scalar's public files, no data.
        ["GET /api/reference/scalar.js"] = null,
        ["GET /api/reference/scalar.aspnetcore.js"] = null,
        ["GET /api/reference/favicon.svg"] = null,
        ["GET /"] = WorkbenchRoles.Viewer,
        ["GET /explore"] = WorkbenchRoles.Viewer,
        ["GET /explore/{DomainId}"] = WorkbenchRoles.Viewer,
        ["GET /navigate"] = WorkbenchRoles.Viewer,
        ["GET /navigate/{DomainId}"] = WorkbenchRoles.Viewer,
        ["GET /map"] = WorkbenchRoles.Viewer,
        ["GET /map/{DomainId}"] = WorkbenchRoles.Viewer,
        ["GET /library"] = WorkbenchRoles.Viewer,
        ["GET /library/{DomainId}"] = WorkbenchRoles.Viewer,
        ["GET /sessions"] = WorkbenchRoles.Viewer,
        ["GET /models"] = WorkbenchRoles.Viewer,
        ["GET /account"] = WorkbenchRoles.Viewer,
        ["GET /plugins"] = WorkbenchRoles.Admin,
        ["GET /account/users"] = WorkbenchRoles.Admin,
    };

    [Fact]
    public void EveryEndpoint_HasARoleInTheTable()
    {
        var missing = Endpoints().Where(e => !Needed.ContainsKey(e.Key)).Select(e => $"{e.Key} ({e.Value.Name})").ToList();
        Assert.True(missing.Count == 0, "Endpoints without a role in AccessTests.Needed: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task EveryEndpoint_RefusesAnonymousAndUnderPrivilegedCallers()
    {
        var failures = new List<string>();
        foreach (var (key, (method, url, _, upload)) in Endpoints())
        {
            if (!Needed.TryGetValue(key, out var needed) || needed is null) continue;
            var isApi = url.StartsWith("/api", StringComparison.Ordinal) || url.StartsWith("/openapi", StringComparison.Ordinal);
            var anonymous = await Send(null, method, url, upload);
            var refusedAnonymous = isApi
                ? anonymous.StatusCode == HttpStatusCode.Unauthorized && anonymous.Content.Headers.ContentType?.MediaType == "application/problem+json"
                : anonymous.StatusCode == HttpStatusCode.Redirect && anonymous.Headers.Location?.ToString().Contains("/account/login") == true;
            if (!refusedAnonymous) failures.Add($"{key} anonymous: {(int)anonymous.StatusCode}");
            foreach (var role in WorkbenchRoles.All)
            {
                var answer = await Send(role, method, url, upload);
                var refused = answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (refused != !WorkbenchRoles.Allows(role, needed)) failures.Add($"{key} as {role}: {(int)answer.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task AnAllowedPage_RendersForItsRole_AndNamesTheRoleAbove()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send(WorkbenchRoles.Viewer, "GET", "/library/toy")).StatusCode);
        var refused = await Send(WorkbenchRoles.Editor, "POST", "/api/models/toy/evaluate");
        Assert.Contains("needs the admin role", await refused.Content.ReadAsStringAsync());
        Assert.Contains("(editor)", await refused.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> Send(string? user, string method, string url, bool upload = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        // Uploads are routed only with a multipart body (else 415 before any access check); the rest take JSON.
        if (method is "POST" or "PUT")
            request.Content = upload
                ? new MultipartFormDataContent { { new ByteArrayContent("ABC"u8.ToArray()), "file", "items.txt" } }
                : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await factory.ClientOf(user).SendAsync(request);
    }

    /// <summary>Each routed endpoint of the app as "METHOD pattern" with a URL to call it by; the framework's own files and hub left out.</summary>
    private IEnumerable<KeyValuePair<string, (string Method, string Url, string? Name, bool Upload)>> Endpoints()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsFrameworkFile(pattern, endpoint)) continue;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m != "HEAD" && !(m == "POST" && IsPage(endpoint))))
                yield return new($"{method} {pattern}", (method, Url(pattern), endpoint.DisplayName, IsUpload(endpoint)));
        }
    }

    // An endpoint that takes files (a multipart form), known from its metadata so that a new upload is covered too.
    private static bool IsUpload(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;

    // Pages also take POST for forms; their access is the same as GET's, checked above.
    private static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");

    // Static files (MudBlazor's, the app's CSS and scripts, and in development the fallback that serves them from disk)
    // and Blazor's circuit hub, which carry no data of their own.
    private static bool IsFrameworkFile(string pattern, RouteEndpoint endpoint) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern == "/{**path:file}" || endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static string Url(string pattern) => RouteParameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "domain" or "DomainId" => "toy",
        "id" => "999999",
        "documentName" => "v1",
        _ => "x",
    }).Replace("/x", "");

    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
