using LatentWorkbench.Core.Domains;

namespace LatentWorkbench.Domains.Molecules.Smiles;

/// <summary>
/// Decoding constraint for SMILES: balanced branches, ring closures opened and closed on different, not yet bonded
/// atoms, a valence budget per atom, bonds only where both ends have room, and enough steps left to close every
/// open ring and branch. Aromaticity is checked after decoding (the decoder retries with beam search).
/// </summary>
public sealed class SmilesConstraintFactory : IDecodingConstraintFactory
{
    /// <summary>Rings open at once never exceed this.</summary>
    public const int MaxOpenRings = 6;

    /// <inheritdoc/>
    public IDecodingConstraint Create(IReadOnlyList<string> tokens, SpecialTokenIds specials) =>
        new Constraint(tokens.Select(SmilesToken.Classify).ToArray(), specials.Eos);

    private sealed class Constraint(SmilesToken[] tokens, int eos) : IDecodingConstraint
    {
        public IConstraintState Start() => new SmilesConstraintState(tokens, eos);
    }
}

/// <summary>Per-sequence state of <see cref="SmilesConstraintFactory"/>.</summary>
internal sealed class SmilesConstraintState : IConstraintState
{
    private readonly SmilesToken[] _tokens;
    private readonly int _eos;
    private List<int> _room = [];                         // remaining valence per atom
    private List<HashSet<int>> _neighbours = [];
    private Stack<int> _branches = new();                 // atom to return to at ')'
    private Dictionary<int, (int Atom, int Reserved)> _rings = [];
    private int _current = -1, _pendingBond;
    private bool _bondOpensBranch;                        // the pending bond follows '(': a ring digit may not come next
    private SmilesTokenKind _last = SmilesTokenKind.Special;

    public SmilesConstraintState(SmilesToken[] tokens, int eos)
    {
        _tokens = tokens;
        _eos = eos;
    }

    public void FillAllowed(Span<bool> allowed, int remainingSteps)
    {
        var need = _rings.Count + _branches.Count + (_last is SmilesTokenKind.Bond or SmilesTokenKind.BranchOpen ? 1 : 0);
        var closing = remainingSteps <= need + 2;
        for (int id = 0; id < _tokens.Length; id++) allowed[id] = Allows(_tokens[id], closing) && KeepsRingsClosable(_tokens[id]);
        allowed[_eos] = _current >= 0 && _branches.Count == 0 && _rings.Count == 0 && _pendingBond == 0
            && _last is SmilesTokenKind.Atom or SmilesTokenKind.Ring or SmilesTokenKind.BranchClose;
    }

    private bool Allows(SmilesToken t, bool closing)
    {
        var afterAtom = _last is SmilesTokenKind.Atom or SmilesTokenKind.Ring;
        var free = _current >= 0 ? _room[_current] : 0;
        switch (t.Kind)
        {
            case SmilesTokenKind.Atom:
                if (_current < 0) return t.Valence >= 0 && !closing;
                var order = Math.Max(1, _pendingBond);
                if (closing && _last is not (SmilesTokenKind.Bond or SmilesTokenKind.BranchOpen)) return false;
                return t.Valence >= order && free >= order && _last != SmilesTokenKind.Special;
            case SmilesTokenKind.Bond:
                return !closing && _current >= 0 && (afterAtom || _last is SmilesTokenKind.BranchOpen or SmilesTokenKind.BranchClose)
                    && free >= t.Order;
            case SmilesTokenKind.BranchOpen:
                return !closing && (afterAtom || _last == SmilesTokenKind.BranchClose) && free >= 1;
            case SmilesTokenKind.BranchClose:
                return _branches.Count > 0 && _last is SmilesTokenKind.Atom or SmilesTokenKind.Ring or SmilesTokenKind.BranchClose;
            case SmilesTokenKind.Ring:
                if (!(afterAtom || (_last == SmilesTokenKind.Bond && _pendingBond > 0 && !_bondOpensBranch))) return false;
                if (_rings.TryGetValue(t.Label, out var open))
                {
                    var ringOrder = Math.Max(open.Reserved, Math.Max(1, _pendingBond));
                    return open.Atom != _current && !_neighbours[_current].Contains(open.Atom)
                        && free >= ringOrder && _room[open.Atom] >= ringOrder - open.Reserved;
                }
                return !closing && _rings.Count < SmilesConstraintFactory.MaxOpenRings && free >= Math.Max(1, _pendingBond);
            default:
                return false;
        }
    }

    /// <summary>
    /// False when <paramref name="t"/> would leave rings open with no free valence on any atom decoding can still
    /// reach (the current atom and the atoms open branches return to): a dead end where nothing, not even the end, fits.
    /// </summary>
    private bool KeepsRingsClosable(SmilesToken t)
    {
        if (_current < 0) return true;
        int rings = _rings.Count, current = _current, newAtomRoom = 0;
        (int Atom, int Delta) first = (-1, 0), second = (-1, 0);
        bool leavesBranch = false;
        switch (t.Kind)
        {
            case SmilesTokenKind.Atom:
                var order = Math.Max(1, _pendingBond);
                first = (_current, -order);
                current = -1; // the new atom
                newAtomRoom = t.Valence - order;
                break;
            case SmilesTokenKind.Ring when _rings.TryGetValue(t.Label, out var open):
                var ringOrder = Math.Max(open.Reserved, Math.Max(1, _pendingBond));
                rings--;
                first = (_current, -ringOrder);
                second = (open.Atom, -(ringOrder - open.Reserved));
                break;
            case SmilesTokenKind.Ring:
                rings++;
                first = (_current, -Math.Max(1, _pendingBond));
                break;
            case SmilesTokenKind.BranchClose when _branches.Count > 0:
                current = _branches.Peek();
                leavesBranch = true;
                break;
            default:
                return true;
        }
        if (rings == 0) return true;
        if (RoomAfter(current, newAtomRoom, first, second) >= 1) return true;
        // Runs on every allowed token of every step: a plain loop over the branch stack, no allocation.
        bool skip = leavesBranch;
        foreach (var atom in _branches)
        {
            if (skip) { skip = false; continue; }
            if (RoomAfter(atom, newAtomRoom, first, second) >= 1) return true;
        }
        return false;
    }

    /// <summary>Free valence of <paramref name="atom"/> (-1: the atom about to be added) once the token's bonds are made.</summary>
    private int RoomAfter(int atom, int newAtomRoom, (int Atom, int Delta) first, (int Atom, int Delta) second) =>
        atom < 0 ? newAtomRoom : _room[atom] + (atom == first.Atom ? first.Delta : 0) + (atom == second.Atom ? second.Delta : 0);

    public void Push(int id)
    {
        var t = _tokens[id];
        switch (t.Kind)
        {
            case SmilesTokenKind.Atom:
                _room.Add(t.Valence);
                _neighbours.Add([]);
                var atom = _room.Count - 1;
                if (_current >= 0) Bond(_current, atom, Math.Max(1, _pendingBond));
                _current = atom;
                _pendingBond = 0;
                break;
            case SmilesTokenKind.Bond:
                _pendingBond = t.Order;
                _bondOpensBranch = _last == SmilesTokenKind.BranchOpen;
                break;
            case SmilesTokenKind.BranchOpen:
                _branches.Push(_current);
                break;
            case SmilesTokenKind.BranchClose:
                _current = _branches.Pop();
                break;
            case SmilesTokenKind.Ring:
                if (_rings.Remove(t.Label, out var open))
                {
                    var order = Math.Max(open.Reserved, Math.Max(1, _pendingBond));
                    _room[open.Atom] -= order - open.Reserved;
                    _room[_current] -= order;
                    _neighbours[_current].Add(open.Atom);
                    _neighbours[open.Atom].Add(_current);
                }
                else
                {
                    var reserved = Math.Max(1, _pendingBond);
                    _room[_current] -= reserved;
                    _rings[t.Label] = (_current, reserved);
                }
                _pendingBond = 0;
                break;
        }
        _last = t.Kind;
    }

    private void Bond(int a, int b, int order)
    {
        _room[a] -= order;
        _room[b] -= order;
        _neighbours[a].Add(b);
        _neighbours[b].Add(a);
    }

    public IConstraintState Clone() => new SmilesConstraintState(_tokens, _eos)
    {
        _room = [.. _room], _neighbours = _neighbours.Select(n => new HashSet<int>(n)).ToList(),
        _branches = new Stack<int>(_branches.Reverse()), _rings = new Dictionary<int, (int, int)>(_rings),
        _current = _current, _pendingBond = _pendingBond, _bondOpensBranch = _bondOpensBranch, _last = _last,
    };
}
