using LatentWorkbench.Web.Services.Training;
using LatentWorkbench.Storage;

namespace LatentWorkbench.Web.Tests.Services;

/// <summary>Waits for a training job to reach a state through the runner's <see cref="TrainingJobRunner.Changed"/> event, not by polling.</summary>
internal static class TrainingJobWaits
{
    /// <summary>Long enough for the toy trainings the tests run on a busy CI machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The job as it is when <paramref name="condition"/> first holds (now, or at a later change); fails the test when
    /// the job fails first or the condition does not hold within <see cref="Patience"/>.
    /// </summary>
    public static async Task<TrainingJob> WaitForAsync(this TrainingJobRunner runner, long id, Func<TrainingJob, bool> condition)
    {
        var reached = new TaskCompletionSource<TrainingJob>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(TrainingJob job)
        {
            if (job.Id == id && (condition(job) || job.Status == TrainingJobStatus.Failed)) reached.TrySetResult(job);
        }
        // Subscribe before reading the current state, so a change between the two is not missed.
        runner.Changed += Check;
        try
        {
            Check(runner.Get(id));
            var job = await reached.Task.WaitAsync(Patience);
            Assert.True(condition(job), $"Job {id} failed: {job.Message}");
            return job;
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Job {id} did not get there in {Patience}: {runner.Get(id)}");
            throw;
        }
        finally
        {
            runner.Changed -= Check;
        }
    }
}
