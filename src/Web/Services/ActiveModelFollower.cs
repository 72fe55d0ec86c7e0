namespace LatentWorkbench.Web.Services;

/// <summary>
/// Keeps this instance serving the models chosen on any instance that shares its database: every
/// <c>Storage:FollowSeconds</c> (default 2) it compares the recorded choices with what <see cref="ModelHub"/> serves.
/// </summary>
public sealed class ActiveModelFollower(ModelHub hub, IConfiguration configuration, ILogger<ActiveModelFollower> logger) : BackgroundService
{
    /// <summary>Default of <c>Storage:FollowSeconds</c>.</summary>
    public const double DefaultSeconds = 2;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Storage:FollowSeconds", DefaultSeconds), 0.1, 3600));
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await hub.FollowChoicesAsync();
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
                {
                    // The database is briefly unreachable: keep serving what is loaded and look again on the next tick.
                    logger.LogWarning(e, "Could not read the active models; trying again in {Seconds} s", every.TotalSeconds);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
