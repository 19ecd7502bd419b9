# Oracle for eqgeom's isotypic decomposition (MATH.md §8.1): for each permutation group, the real
# blocks (type, weight, multiplicity) of its permutation representation, from GAP's character table,
# Frobenius-Schur indicators and the permutation character, and the number of orbitals <pi, pi>.
# Run: gap -q Tests/GeometryTests/Oracles/isotypic.g > Tests/GeometryTests/Oracles/isotypic.json
EqImageGroup := function(h, w, moves)
    local gens, m, perm, i, j, p;
    gens := [];
    for m in moves do
        perm := [];
        for i in [0 .. h - 1] do
            for j in [0 .. w - 1] do
                p := m(i, j, h, w);
                perm[i * w + j + 1] := p[1] * w + p[2] + 1;
            od;
        od;
        Add(gens, PermList(perm));
    od;
    return Group(gens);
end;
Rot90 := function(i, j, h, w) return [w - 1 - j, i]; end;
Mirror := function(i, j, h, w) return [i, w - 1 - j]; end;
ShiftX := function(i, j, h, w) return [i, (j + 1) mod w]; end;
ShiftY := function(i, j, h, w) return [(i + 1) mod h, j]; end;
EqRegular := G -> Action(G, AsList(G), OnRight);
# G acting on the disjoint union of [1 .. Length(X)] (action a) and the next Length(Y) points (action b)
EqTwoActions := function(G, X, a, Y, b)
    local m;
    m := Length(X);
    return Group(List(GeneratorsOfGroup(G), g -> PermList(Concatenation(
        List(X, x -> Position(X, a(x, g))), List(Y, y -> m + Position(Y, b(y, g)))))));
end;

EqRealBlocks := function(G, n)
    local tbl, pi, irr, out, chi, nu, mult, seen, k;
    tbl := CharacterTable(G);
    irr := Irr(tbl);
    pi := PermutationCharacter(G, [1 .. n], OnPoints);
    out := [];
    seen := [];
    for k in [1 .. Length(irr)] do
        chi := irr[k];
        mult := ScalarProduct(tbl, chi, pi);
        nu := Indicator(tbl, [chi], 2)[1];
        if mult > 0 and not k in seen then
            if nu = 1 then
                Add(out, ["R", chi[1], mult]);
            elif nu = 0 then
                Add(seen, Position(irr, ComplexConjugate(chi)));
                Add(out, ["C", 2 * chi[1], mult]);
            else
                Add(out, ["H", 2 * chi[1], mult / 2]);
            fi;
        fi;
    od;
    Sort(out);
    return out;
end;

EqCases := [
    ["C3 on 3", Group((1, 2, 3)), 3],
    ["the paper's (1 3 4)(2 5)", Group((1, 3, 4)(2, 5)), 5],
    ["S4 on 4", SymmetricGroup(4), 4],
    ["A4 on 4", AlternatingGroup(4), 4],
    ["S5 on 5", SymmetricGroup(5), 5],
    ["S10 on 10", SymmetricGroup(10), 10],
    ["S4 on 2-subsets", Action(SymmetricGroup(4), Combinations([1 .. 4], 2), OnSets), 6],
    ["A5 on 12 points", Action(AlternatingGroup(5), RightCosets(AlternatingGroup(5), Group((1, 2, 3, 4, 5))), OnRight), 12],
    ["Q8 regular", EqRegular(QuaternionGroup(8)), 8],
    ["Q8 on two regular orbits", ClosureGroup(Group(()), List(GeneratorsOfGroup(EqRegular(QuaternionGroup(8))),
        g -> g * g ^ MappingPermListList([1 .. 8], [9 .. 16]))), 16],
    ["SL(2,3) regular", EqRegular(SL(2, 3)), 24],
    ["F21 regular", EqRegular(Group((1, 2, 3, 4, 5, 6, 7), (2, 3, 5)(4, 7, 6))), 21],
    ["F21 on 7", Group((1, 2, 3, 4, 5, 6, 7), (2, 3, 5)(4, 7, 6)), 7],
    ["Dic3 regular", EqRegular(DicyclicGroup(12)), 12],
    ["D4 on 3x3", EqImageGroup(3, 3, [Rot90, Mirror]), 9],
    ["D4 on 5x5", EqImageGroup(5, 5, [Rot90, Mirror]), 25],
    ["D4 on 8x8", EqImageGroup(8, 8, [Rot90, Mirror]), 64],
    ["C4 rot90 on 6x6", EqImageGroup(6, 6, [Rot90]), 36],
    ["Z4xZ4 on 4x4", EqImageGroup(4, 4, [ShiftX, ShiftY]), 16],
    ["Z3xZ5 on 3x5", EqImageGroup(3, 5, [ShiftX, ShiftY]), 15],
    ["D4 on 28x28", EqImageGroup(28, 28, [Rot90, Mirror]), 784],
    ["A5 regular", EqRegular(AlternatingGroup(5)), 60],
    ["SL(2,5) regular", EqRegular(SL(2, 5)), 120],
    ["PSL(2,7) regular", EqRegular(PSL(2, 7)), 168],
    ["S6 regular", EqRegular(SymmetricGroup(6)), 720],
    ["F21 on 7 and regular", EqTwoActions(Group((1, 2, 3, 4, 5, 6, 7), (2, 3, 5)(4, 7, 6)), [1 .. 7], OnPoints,
        AsList(Group((1, 2, 3, 4, 5, 6, 7), (2, 3, 5)(4, 7, 6))), OnRight), 28],
    ["SL(2,3) on 8 vectors and regular", EqTwoActions(SL(2, 3), Difference(AsList(GF(3) ^ 2), [Zero(GF(3) ^ 2)]),
        OnRight, AsList(SL(2, 3)), OnRight), 32],
];

Print("[\n");
for k in [1 .. Length(EqCases)] do
    c := EqCases[k];
    G := c[2];
    n := c[3];
    gens := List(GeneratorsOfGroup(G), g -> ListPerm(g, n));
    Print("{\"name\": \"", c[1], "\", \"n\": ", n, ", \"generators\": ", gens,
          ", \"blocks\": ", List(EqRealBlocks(G, n), b -> [b[1], b[2], b[3]]),
          ", \"orbitals\": ", ScalarProduct(PermutationCharacter(G, [1 .. n], OnPoints),
                                             PermutationCharacter(G, [1 .. n], OnPoints)),
          "}");
    if k < Length(EqCases) then Print(",\n"); else Print("\n"); fi;
od;
Print("]\n");
QUIT;
