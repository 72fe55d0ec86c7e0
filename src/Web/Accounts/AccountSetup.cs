using System.Threading.RateLimiting;
using LatentWorkbench.Storage.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.Identity;

namespace LatentWorkbench.Web.Accounts;

/// <summary>
/// Sign-in for a shared server (<c>Auth:Enabled</c>): Identity's cookie for pages, API keys for scripts, one policy
/// per role, per-user rate limits; or, while it is off, the local user for requests from this machine only. Either way the
/// data-protection keys are kept in the workbench database.
/// </summary>
public static class AccountSetup
{
    /// <summary>The data-protection application name every instance shares (keys are isolated by it).</summary>
    public const string DataProtectionApplication = "LatentWorkbench";

    /// <summary>The scheme that picks the API key handler when a request carries a key, else the cookie.</summary>
    public const string Scheme = "Workbench";

    /// <summary>Registers authentication, the role policies, the user store and the rate limiter.</summary>
    public static IServiceCollection AddWorkbenchAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SignInSettings.From(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<AccountStore>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResults>();
        services.AddAuthorization(o =>
        {
            foreach (var role in WorkbenchRoles.All) o.AddPolicy(role, p => p.RequireRole(WorkbenchRoles.AtLeast(role)));
        });
        services.AddCascadingAuthenticationState();
        services.AddWorkbenchDataProtection();
        if (!settings.Enabled)
        {
            services.AddAuthentication(LocalAccessHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, LocalAccessHandler>(LocalAccessHandler.SchemeName, null);
            return services;
        }
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API key", o =>
                o.ForwardDefaultSelector = context => ApiKeyHandler.Carries(context.Request) ? ApiKeyHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "LatentWorkbench.SignIn";
                o.ExpireTimeSpan = TimeSpan.FromDays(7);
                o.SlidingExpiration = true;
            }));
        services.AddIdentityCore<WorkbenchUser>(IdentityRules)
            .AddUserStore<WorkbenchUserStore>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<WorkbenchClaimsFactory>();
        // A new role or password (a new security stamp) ends the user's cookies and open pages within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidatingSignInState.Interval);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingSignInState>();
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            o.OnRejected = async (rejected, token) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await TypedResults.Problem($"Too many requests; try again in {retry} s.", statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>
    /// Data protection (what encrypts sign-in cookies and antiforgery tokens) with its keys in the workbench database
    /// registered by the caller, so every instance sharing the database (and the next start of this one) accepts what
    /// another issued.
    /// </summary>
    public static IServiceCollection AddWorkbenchDataProtection(this IServiceCollection services)
    {
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddDataProtection().SetApplicationName(DataProtectionApplication);
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, keys) => o.XmlRepository = new DatabaseKeyRepository(keys));
        return services;
    }

    /// <summary>
    /// The rules for names and passwords, as the command line's <c>latent users</c> applies them too: a password is long
    /// (at least <see cref="AccountStore.MinPasswordLength"/> characters) rather than a mix of character classes.
    /// </summary>
    public static void IdentityRules(IdentityOptions options)
    {
        options.Password.RequiredLength = AccountStore.MinPasswordLength;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.User.AllowedUserNameCharacters = AccountStore.UserNameCharacters;
    }

    /// <summary>Authentication, authorization and (with sign-in on) the rate limiter; call before antiforgery.</summary>
    public static WebApplication UseWorkbenchAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        if (app.Services.GetRequiredService<SignInSettings>().Enabled) app.UseRateLimiter();
        return app;
    }

    /// <summary>
    /// With sign-in on and no users yet, makes the admin named by <c>Auth:AdminUserName</c> and <c>Auth:AdminPassword</c>;
    /// logs what was done or what is missing.
    /// </summary>
    public static async Task EnsureFirstAdminAsync(IServiceProvider services, ILogger logger)
    {
        var settings = services.GetRequiredService<SignInSettings>();
        if (!settings.Enabled || services.GetRequiredService<AccountStore>().Count() > 0) return;
        if (string.IsNullOrWhiteSpace(settings.AdminUserName) || string.IsNullOrEmpty(settings.AdminPassword))
        {
            logger.LogWarning("Sign-in is on and there are no users: set Auth:AdminUserName and Auth:AdminPassword to make the first admin.");
            return;
        }
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkbenchUser>>();
        var result = await users.CreateAsync(new WorkbenchUser { UserName = settings.AdminUserName.Trim(), Role = WorkbenchRoles.Admin }, settings.AdminPassword);
        if (result.Succeeded) logger.LogInformation("Made the first admin, '{Name}'.", settings.AdminUserName.Trim());
        else logger.LogError("Could not make the first admin: {Errors}", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    // API calls are limited per user (or, before sign-in, per address); sign-in attempts per address; the rest not at all.
    private static RateLimitPartition<string> Partition(HttpContext context, SignInSettings settings)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/account/login") && HttpMethods.IsPost(context.Request.Method))
            return TokenBucket($"sign-in:{context.Connection.RemoteIpAddress}", settings.SignInsPerMinute);
        if (!path.StartsWithSegments("/api") || settings.RequestsPerMinute <= 0) return RateLimitPartition.GetNoLimiter("");
        var caller = WorkbenchCaller.Of(context.User);
        return TokenBucket(caller.UserId is { } id ? $"user:{id}" : $"address:{context.Connection.RemoteIpAddress}", settings.RequestsPerMinute);
    }

    // A bucket that holds a minute's permits and refills a sixtieth of them every second.
    private static RateLimitPartition<string> TokenBucket(string key, int perMinute) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(perMinute >= 60 ? 1 : 60.0 / perMinute),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
