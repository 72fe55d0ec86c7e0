using System.Globalization;
using System.Text.Json;
using System.Data.Common;

namespace LatentWorkbench.Storage;

/// <summary>
/// Background training jobs and their chart points. The rows are the truth the Models page reads, so a reload (or a
/// restart) shows every job as it stands; they are also the queue that training workers (in one instance or several
/// sharing a database) take jobs from, each under a lease it renews (<see cref="Claim"/>, <see cref="Renew"/>).
/// </summary>
public sealed class TrainingJobStore(WorkbenchDatabase database)
{
    /// <summary>Most jobs one listing returns.</summary>
    public const int MaxList = 200;

    private const string Columns = "id, request, output, status, step, total_steps, epoch, epochs, eta_seconds, message, created, updated, worker, cancel_requested, takeovers";

    /// <summary>Adds a queued job and returns it with its id.</summary>
    public TrainingJob Create(TrainingJobRequest request, string output)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = DateTimeOffset.UtcNow;
        using var connection = database.Open();
        using var insert = WorkbenchDatabase.Command(connection,
            "INSERT INTO training_jobs (domain, request, output, status, created, updated) VALUES (@d, @r, @o, @s, @c, @c) RETURNING id;",
            ("@d", request.Domain), ("@r", JsonSerializer.Serialize(request, SessionStore.Json)), ("@o", output),
            ("@s", Name(TrainingJobStatus.Queued)), ("@c", now.ToString("O")));
        var id = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        return new TrainingJob { Id = id, Request = request, Output = output, Status = TrainingJobStatus.Queued, Created = now, Updated = now };
    }

    /// <summary>The job with <paramref name="id"/>, or null.</summary>
    public TrainingJob? Get(long id)
    {
        using var connection = database.Open();
        return Query(connection, "WHERE id = @id", ("@id", id)).FirstOrDefault();
    }

    /// <summary>Jobs, newest first, optionally of one domain.</summary>
    public IReadOnlyList<TrainingJob> List(string? domain = null)
    {
        using var connection = database.Open();
        return Query(connection, domain is null ? "" : "WHERE domain = @d", ("@d", domain));
    }

    /// <summary>Jobs with <paramref name="status"/>, oldest first.</summary>
    public IReadOnlyList<TrainingJob> WithStatus(TrainingJobStatus status)
    {
        using var connection = database.Open();
        return Query(connection, "WHERE status = @s", ("@s", Name(status))).OrderBy(j => j.Id).ToList();
    }

    /// <summary>
    /// Writes the job's status and progress fields. With <paramref name="worker"/>, only while that worker still holds
    /// the job (returns false once another took it over); without, unconditionally.
    /// </summary>
    public bool Update(TrainingJob job, string? worker = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection,
            $"""
            UPDATE training_jobs SET status = @s, step = @step, total_steps = @total, epoch = @epoch, epochs = @epochs, eta_seconds = @eta,
                message = @m, updated = @u WHERE id = @id{(worker is null ? "" : " AND worker = @w")};
            """,
            ("@s", Name(job.Status)), ("@step", job.Step), ("@total", job.TotalSteps), ("@epoch", job.Epoch), ("@epochs", job.Epochs),
            ("@eta", job.EtaSeconds), ("@m", job.Message), ("@u", Now()), ("@id", job.Id), ("@w", worker)) > 0;
    }

    /// <summary>
    /// Takes the oldest job a worker may run: a queued one, or a running one whose lease ran out (its worker died), and
    /// holds it for <paramref name="worker"/> until <paramref name="lease"/> from now. PostgreSQL picks the row with
    /// <c>FOR UPDATE SKIP LOCKED</c>, so workers racing for the queue each get a different job; SQLite runs the
    /// statement under its one writer. Before claiming, jobs whose vanished worker had been asked to stop become
    /// cancelled, and jobs taken over <paramref name="maxTakeovers"/> times already become failed (a job that kills its
    /// worker must not take the whole lab down in turn). Null when nothing is waiting.
    /// </summary>
    public TrainingJob? Claim(string worker, TimeSpan lease, int maxTakeovers = DefaultMaxTakeovers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        using var connection = database.Open();
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        (string, object?)[] common = [("@running", Name(TrainingJobStatus.Running)), ("@now", now), ("@u", Now())];
        WorkbenchDatabase.Execute(connection,
            """
            UPDATE training_jobs SET status = @cancelled, worker = NULL, lease_until = NULL, eta_seconds = NULL, message = @m, updated = @u
            WHERE status = @running AND COALESCE(lease_until, 0) < @now AND cancel_requested = 1;
            """, [.. common, ("@cancelled", Name(TrainingJobStatus.Cancelled)),
            ("@m", "Cancelled: its worker stopped before it could write the final checkpoint; resume to continue from the last one.")]);
        WorkbenchDatabase.Execute(connection,
            """
            UPDATE training_jobs SET status = @failed, worker = NULL, lease_until = NULL, eta_seconds = NULL, message = @m, updated = @u
            WHERE status = @running AND COALESCE(lease_until, 0) < @now AND takeovers >= @max;
            """, [.. common, ("@failed", Name(TrainingJobStatus.Failed)), ("@max", maxTakeovers),
            ("@m", $"Its worker stopped {maxTakeovers + 1} times while training it; find the cause (memory, disk, data), then resume it.")]);
        using var claim = WorkbenchDatabase.Command(connection,
            $"""
            UPDATE training_jobs SET worker = @w, lease_until = @until, updated = @u, cancel_requested = 0,
                takeovers = takeovers + CASE WHEN status = @running THEN 1 ELSE 0 END, status = @running
            WHERE id = (SELECT id FROM training_jobs WHERE status = @queued OR (status = @running AND COALESCE(lease_until, 0) < @now)
                ORDER BY id LIMIT 1{database.Dialect.SkipLocked})
            RETURNING id;
            """, [.. common, ("@w", worker), ("@until", now + (long)lease.TotalMilliseconds), ("@queued", Name(TrainingJobStatus.Queued))]);
        return claim.ExecuteScalar() is { } id and not DBNull
            ? Query(connection, "WHERE id = @id", ("@id", Convert.ToInt64(id, CultureInfo.InvariantCulture))).FirstOrDefault()
            : null;
    }

    /// <summary>Default of <see cref="Claim"/>'s <c>maxTakeovers</c>.</summary>
    public const int DefaultMaxTakeovers = 3;

    /// <summary>
    /// Extends <paramref name="worker"/>'s lease on job <paramref name="id"/> to <paramref name="lease"/> from now, and
    /// says whether it still holds the job and whether a user asked it to stop.
    /// </summary>
    public LeaseRenewal Renew(long id, string worker, TimeSpan lease)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection,
            "UPDATE training_jobs SET lease_until = @until WHERE id = @id AND worker = @w AND status = @running RETURNING cancel_requested;",
            ("@until", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + (long)lease.TotalMilliseconds), ("@id", id), ("@w", worker),
            ("@running", Name(TrainingJobStatus.Running)));
        return command.ExecuteScalar() switch
        {
            null or DBNull => LeaseRenewal.Lost,
            var flag when Convert.ToInt64(flag, CultureInfo.InvariantCulture) != 0 => LeaseRenewal.StopRequested,
            _ => LeaseRenewal.Held,
        };
    }

    /// <summary>
    /// Ends <paramref name="worker"/>'s hold on the job, writing its final state (completed, cancelled, failed, or back to
    /// queued) and returning the row as saved (no worker, no stop request); null when another worker had taken it over, in
    /// which case nothing is written.
    /// </summary>
    public TrainingJob? Release(TrainingJob job, string worker)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = database.Open();
        var released = WorkbenchDatabase.Execute(connection,
            """
            UPDATE training_jobs SET status = @s, step = @step, total_steps = @total, epoch = @epoch, epochs = @epochs, eta_seconds = @eta,
                message = @m, updated = @u, worker = NULL, lease_until = NULL, cancel_requested = 0 WHERE id = @id AND worker = @w;
            """,
            ("@s", Name(job.Status)), ("@step", job.Step), ("@total", job.TotalSteps), ("@epoch", job.Epoch), ("@epochs", job.Epochs),
            ("@eta", job.EtaSeconds), ("@m", job.Message), ("@u", Now()), ("@id", job.Id), ("@w", worker)) > 0;
        return released ? Query(connection, "WHERE id = @id", ("@id", job.Id)).FirstOrDefault() : null;
    }

    /// <summary>
    /// Cancels a queued job at once, or asks the worker of a running one to stop (it writes a checkpoint, then marks the
    /// job cancelled). Returns the job as it now stands, or null when it is neither queued nor running (or not there).
    /// </summary>
    public TrainingJob? Cancel(long id)
    {
        using var connection = database.Open();
        var u = Now();
        var changed = WorkbenchDatabase.Execute(connection,
            "UPDATE training_jobs SET status = @cancelled, eta_seconds = NULL, message = @m, updated = @u WHERE id = @id AND status = @queued;",
            ("@cancelled", Name(TrainingJobStatus.Cancelled)), ("@queued", Name(TrainingJobStatus.Queued)), ("@m", "Cancelled before it started."),
            ("@u", u), ("@id", id)) > 0
            || WorkbenchDatabase.Execute(connection,
            "UPDATE training_jobs SET cancel_requested = 1, message = @m, updated = @u WHERE id = @id AND status = @running;",
            ("@running", Name(TrainingJobStatus.Running)), ("@m", "Stopping: writing a checkpoint after the current step."), ("@u", u), ("@id", id)) > 0;
        return changed ? Query(connection, "WHERE id = @id", ("@id", id)).FirstOrDefault() : null;
    }

    /// <summary>
    /// Queues a cancelled, interrupted or failed job again (it continues from its last checkpoint); returns it, or null
    /// when it is not in one of those states.
    /// </summary>
    public TrainingJob? Requeue(long id, string message)
    {
        using var connection = database.Open();
        var changed = WorkbenchDatabase.Execute(connection,
            """
            UPDATE training_jobs SET status = @queued, worker = NULL, lease_until = NULL, cancel_requested = 0, takeovers = 0, eta_seconds = NULL,
                message = @m, updated = @u WHERE id = @id AND status IN (@cancelled, @interrupted, @failed);
            """,
            ("@queued", Name(TrainingJobStatus.Queued)), ("@cancelled", Name(TrainingJobStatus.Cancelled)),
            ("@interrupted", Name(TrainingJobStatus.Interrupted)), ("@failed", Name(TrainingJobStatus.Failed)),
            ("@m", message), ("@u", Now()), ("@id", id)) > 0;
        return changed ? Query(connection, "WHERE id = @id", ("@id", id)).FirstOrDefault() : null;
    }

    /// <summary>Jobs whose row changed after <paramref name="after"/> (by any instance), oldest change first.</summary>
    public IReadOnlyList<TrainingJob> ChangedSince(DateTimeOffset after)
    {
        using var connection = database.Open();
        return Query(connection, "WHERE updated > @after", ("@after", after.ToUniversalTime().ToString("O"))).OrderBy(j => j.Updated).ToList();
    }

    /// <summary>Appends a chart point to job <paramref name="jobId"/>.</summary>
    public void AddPoint(long jobId, TrainingJobPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        using var connection = database.Open();
        WorkbenchDatabase.Execute(connection,
            """
            INSERT INTO training_job_points (job_id, step, epoch, loss, kl, token_accuracy, kl_weight, learning_rate, tokens_per_second,
                valid_token_accuracy, valid_exact, valid_kl, active_units_fraction)
            VALUES (@j, @s, @e, @l, @k, @a, @w, @r, @t, @va, @ve, @vk, @au);
            """,
            ("@j", jobId), ("@s", point.Step), ("@e", point.Epoch), ("@l", Finite(point.Loss)), ("@k", Finite(point.Kl)),
            ("@a", Finite(point.TokenAccuracy)), ("@w", point.KlWeight), ("@r", point.LearningRate), ("@t", Finite(point.TokensPerSecond)),
            ("@va", point.ValidTokenAccuracy), ("@ve", point.ValidExact), ("@vk", point.ValidKl), ("@au", point.ActiveUnitsFraction));
    }

    /// <summary>
    /// Removes job <paramref name="jobId"/>'s chart points after <paramref name="step"/>: a worker that resumes a job from
    /// its checkpoint redoes the steps after it, and the chart keeps one point per step.
    /// </summary>
    public int TrimPoints(long jobId, long step)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM training_job_points WHERE job_id = @j AND step > @s;", ("@j", jobId), ("@s", step));
    }

    /// <summary>The chart points of job <paramref name="jobId"/>, in step order.</summary>
    public IReadOnlyList<TrainingJobPoint> Points(long jobId)
    {
        using var connection = database.Open();
        using var command = WorkbenchDatabase.Command(connection,
            $"""
            SELECT step, epoch, loss, kl, token_accuracy, kl_weight, learning_rate, tokens_per_second, valid_token_accuracy, valid_exact,
                valid_kl, active_units_fraction FROM training_job_points WHERE job_id = @j ORDER BY step, {database.Dialect.InsertionOrder};
            """, ("@j", jobId));
        using var reader = command.ExecuteReader();
        var points = new List<TrainingJobPoint>();
        while (reader.Read())
            points.Add(new TrainingJobPoint(reader.GetInt64(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
                reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7), Nullable(reader, 8), Nullable(reader, 9), Nullable(reader, 10),
                Nullable(reader, 11)));
        return points;
    }

    /// <summary>
    /// Removes a job's record and chart points (not its checkpoint folder) unless it is queued or running; false when it
    /// was not there or is still active.
    /// </summary>
    public bool Remove(long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM training_jobs WHERE id = @id AND status NOT IN (@queued, @running);",
            ("@id", id), ("@queued", Name(TrainingJobStatus.Queued)), ("@running", Name(TrainingJobStatus.Running))) > 0;
    }

    /// <summary>The stored name of <paramref name="status"/>.</summary>
    public static string Name(TrainingJobStatus status) => status.ToString().ToLowerInvariant();

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static double? Nullable(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);

    private static List<TrainingJob> Query(DbConnection connection, string where, params (string, object?)[] parameters)
    {
        using var command = WorkbenchDatabase.Command(connection, $"SELECT {Columns} FROM training_jobs {where} ORDER BY id DESC LIMIT {MaxList};", parameters);
        using var reader = command.ExecuteReader();
        var jobs = new List<TrainingJob>();
        while (reader.Read())
        {
            jobs.Add(new TrainingJob
            {
                Id = reader.GetInt64(0),
                Request = JsonSerializer.Deserialize<TrainingJobRequest>(reader.GetString(1), SessionStore.Json)
                    ?? throw new InvalidDataException($"Training job {reader.GetInt64(0)} has no request."),
                Output = reader.GetString(2),
                Status = Enum.Parse<TrainingJobStatus>(reader.GetString(3), ignoreCase: true),
                Step = reader.GetInt64(4), TotalSteps = reader.GetInt64(5), Epoch = reader.GetInt32(6), Epochs = reader.GetInt32(7),
                EtaSeconds = Nullable(reader, 8), Message = reader.GetString(9),
                Created = DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture),
                Updated = DateTimeOffset.Parse(reader.GetString(11), CultureInfo.InvariantCulture),
                Worker = reader.IsDBNull(12) ? null : reader.GetString(12),
                CancelRequested = Convert.ToInt64(reader.GetValue(13), CultureInfo.InvariantCulture) != 0,
                Takeovers = Convert.ToInt32(reader.GetValue(14), CultureInfo.InvariantCulture),
            });
        }
        return jobs;
    }
}

/// <summary>What renewing a lease found (<see cref="TrainingJobStore.Renew"/>).</summary>
public enum LeaseRenewal
{
    /// <summary>The worker still holds the job.</summary>
    Held,
    /// <summary>The worker holds the job, and a user asked it to stop.</summary>
    StopRequested,
    /// <summary>The job is no longer the worker's (its lease ran out and another worker took it over, or it was removed).</summary>
    Lost,
}
