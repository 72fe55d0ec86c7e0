using System.Globalization;
using System.Text.Json;
using System.Data.Common;

namespace LatentWorkbench.Storage;

/// <summary>
/// Background training jobs and their chart points. The rows are the truth the Models page reads, so a reload (or a
/// restart) shows every job as it stands.
/// </summary>
public sealed class TrainingJobStore(WorkbenchDatabase database)
{
    /// <summary>Most jobs one listing returns.</summary>
    public const int MaxList = 200;

    private const string Columns = "id, request, output, status, step, total_steps, epoch, epochs, eta_seconds, message, created, updated";

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

    /// <summary>Writes the job's status and progress fields.</summary>
    public void Update(TrainingJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var connection = database.Open();
        WorkbenchDatabase.Execute(connection,
            """
            UPDATE training_jobs SET status = @s, step = @step, total_steps = @total, epoch = @epoch, epochs = @epochs, eta_seconds = @eta,
                message = @m, updated = @u WHERE id = @id;
            """,
            ("@s", Name(job.Status)), ("@step", job.Step), ("@total", job.TotalSteps), ("@epoch", job.Epoch), ("@epochs", job.Epochs),
            ("@eta", job.EtaSeconds), ("@m", job.Message), ("@u", DateTimeOffset.UtcNow.ToString("O")), ("@id", job.Id));
    }

    /// <summary>Marks every job still recorded as running as interrupted (the process that ran it is gone); returns how many.</summary>
    public int MarkRunningInterrupted()
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection,
            "UPDATE training_jobs SET status = @i, eta_seconds = NULL, message = @m, updated = @u WHERE status = @r;",
            ("@i", Name(TrainingJobStatus.Interrupted)), ("@r", Name(TrainingJobStatus.Running)),
            ("@m", "The workbench stopped while this job was training; resume it to continue from its last checkpoint."),
            ("@u", DateTimeOffset.UtcNow.ToString("O")));
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

    /// <summary>Removes a job's record and chart points (not its checkpoint folder); false when it was not there.</summary>
    public bool Remove(long id)
    {
        using var connection = database.Open();
        return WorkbenchDatabase.Execute(connection, "DELETE FROM training_jobs WHERE id = @id;", ("@id", id)) > 0;
    }

    /// <summary>The stored name of <paramref name="status"/>.</summary>
    public static string Name(TrainingJobStatus status) => status.ToString().ToLowerInvariant();

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
            });
        }
        return jobs;
    }
}
