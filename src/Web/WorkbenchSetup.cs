using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Workbench;
using LatentWorkbench.Domains.Molecules;
using LatentWorkbench.Domains.Music;
using LatentWorkbench.Web.Accounts;
using LatentWorkbench.Web.Plugins;
using LatentWorkbench.Storage.Accounts;
using LatentWorkbench.Web.Apis;
using LatentWorkbench.Web.Services;
using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;
using MudBlazor.Services;
using Scalar.AspNetCore;

namespace LatentWorkbench.Web;

/// <summary>Service registration and the request pipeline of the workbench host.</summary>
public static class WorkbenchSetup
{
    /// <summary>Largest request body the API accepts.</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>Registers domains (built-in and from <c>Plugins:Directory</c>), the model hub, MudBlazor, Razor components, OpenAPI and JSON settings.</summary>
    public static WebApplicationBuilder AddLatentWorkbench(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxRequestBytes);
        // Serve the Razor class libraries' files (MudBlazor, the molecules module's RDKit) from a build output in any
        // environment, not only Development; a published app has no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddDomainModules(builder.Configuration, [new MoleculesModule(), new MusicModule(fluidSynth: builder.Configuration.GetValue("Audio:FluidSynth", false))]);
        builder.Services.AddSingleton(sp => new DomainRegistry(sp.GetServices<IDomainModule>()));
        builder.Services.AddSingleton(sp =>
        {
            var database = new WorkbenchDatabase(StorageOf(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
            if (database.StartupProblem is { } problem) sp.GetRequiredService<ILogger<WorkbenchDatabase>>().LogError("{Problem}", problem);
            return database;
        });
        builder.Services.AddWorkbenchServices();
        builder.Services.AddWorkbenchAccounts(builder.Configuration);
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingJobRunner>());
        builder.Services.AddHostedService<ActiveModelFollower>();
        builder.Services.AddHostedService<LibraryCodeWarmer>();
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddApiExceptionHandling();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer<ApiSchemaTransformer>());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Converters.Add(new FiniteDoubleConverter());
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        return builder;
    }

    /// <summary>The file named by <c>Storage:Database</c> (relative to the content root), else <c>App_Data/workbench.db</c>.</summary>
    public static string DatabasePath(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Storage:Database"] is { Length: > 0 } configured ? configured : Path.Combine("App_Data", "workbench.db"),
            environment.ContentRootPath);

    /// <summary>
    /// The store: <c>Storage:Provider</c> <c>sqlite</c> (default; the file of <see cref="DatabasePath"/>) or
    /// <c>postgres</c> (<c>Storage:ConnectionString</c>).
    /// </summary>
    public static StorageSettings StorageOf(IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = configuration["Storage:Provider"];
        var postgres = provider is not null && !provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase);
        return StorageSettings.Parse(provider, postgres ? configuration["Storage:ConnectionString"] : DatabasePath(configuration, environment),
            DatabasePath(configuration, environment));
    }

    /// <summary>
    /// The workbench's own services over a <see cref="DomainRegistry"/> and a <see cref="WorkbenchDatabase"/> registered
    /// by the caller: library, sessions, active models, search, import, the model hub and catalog, the audio cache, and
    /// background training (the caller runs <see cref="TrainingJobRunner"/> as a hosted service).
    /// </summary>
    public static IServiceCollection AddWorkbenchServices(this IServiceCollection services)
    {
        services.AddSingleton<LibraryStore>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ActiveModelStore>();
        services.AddSingleton<LatentCodeStore>();
        services.AddSingleton<LibrarySearch>();
        services.AddSingleton<LibraryImporter>();
        services.AddSingleton<ModelHub>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<ModelEvaluations>();
        services.AddSingleton<AudioCache>();
        services.AddSingleton<TrainingFolders>();
        services.AddSingleton<TrainingJobStore>();
        services.AddSingleton<TrainingJobRunner>();
        return services;
    }

    /// <summary>
    /// Error pages, static files, sign-in and roles, antiforgery, OpenAPI document and its reference page. First opens
    /// the database and checks the served checkpoints, so that a damaged file is reported (and logged, naming it) at
    /// start-up; the app starts either way. With sign-in on and no users, makes the first admin from the configuration.
    /// </summary>
    public static WebApplication UseLatentWorkbenchPipeline(this WebApplication app)
    {
        app.Services.GetRequiredService<WorkbenchDatabase>();
        app.Services.GetRequiredService<ModelHub>().LogDamagedCheckpoints();
        AccountSetup.EnsureFirstAdminAsync(app.Services, app.Logger).GetAwaiter().GetResult();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePages();
        app.UseApiExceptionHandling();
        app.Use(async (context, next) =>
        {
            // Kestrel enforces the limit while reading; this also answers early, with a problem body, when the length is declared.
            // Data-set uploads have their own, larger limit (Training:MaxUploadBytes).
            var limit = context.Request.Path.StartsWithSegments("/api/training/datasets")
                ? context.RequestServices.GetRequiredService<TrainingFolders>().MaxUploadBytes : MaxRequestBytes;
            if (context.Request.Path.StartsWithSegments("/api") && context.Request.ContentLength > limit)
            {
                await TypedResults.Problem($"The request body is larger than {limit / (1024 * 1024)} MiB.",
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.UseWorkbenchAccounts();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.UsePluginStaticFiles();
        app.MapOpenApi().RequireAuthorization(WorkbenchRoles.Viewer);
        app.MapScalarApiReference("/api/reference").RequireAuthorization(WorkbenchRoles.Viewer);
        return app;
    }

    /// <summary>Maps every REST API group: account, domains (with audio), plugins, instance and health, library, sessions, models and training.</summary>
    public static WebApplication MapWorkbenchApis(this WebApplication app)
    {
        app.MapAccountApi();
        app.MapDomainsApi();
        app.MapPluginsApi();
        app.MapInstanceApi();
        app.MapAudioApi();
        app.MapItemFilesApi();
        app.MapLibraryApi();
        app.MapSessionsApi();
        app.MapModelsApi();
        app.MapTrainingApi();
        return app;
    }
}
