using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Core.Bench;

/// <summary>Allows every ordinary token and the end token only at the last step, so each decode runs the full length.</summary>
internal sealed class FullLengthConstraint(int eos) : IDecodingConstraint
{
    public IConstraintState Start() => new State(eos);

    private sealed class State(int eos) : IConstraintState
    {
        public void FillAllowed(Span<bool> allowed, int remainingSteps)
        {
            allowed.Fill(remainingSteps > 1);
            allowed[eos] = remainingSteps <= 1;
        }

        public void Push(int id) { }

        public IConstraintState Clone() => this;
    }
}
