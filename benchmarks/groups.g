# The character-table route to the real isotypic blocks (GAP), timed with GAP's own clock for the cases
# of `eqgeom-bench --filter group.` (docs/benchmarks.md). Run: gap -q benchmarks/groups.g
ImageGroupB := function(h, w, moves)
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
Rot90B := function(i, j, h, w) return [w - 1 - j, i]; end;
MirrorB := function(i, j, h, w) return [i, w - 1 - j]; end;
ShiftXB := function(i, j, h, w) return [i, (j + 1) mod w]; end;
ShiftYB := function(i, j, h, w) return [(i + 1) mod h, j]; end;
TimeBlocks := function(name, G, n)
    local t, tbl, pi, irr, out;
    t := Runtime();
    tbl := CharacterTable(G);
    irr := Irr(tbl);
    pi := PermutationCharacter(G, [1 .. n], OnPoints);
    out := List(irr, chi -> [ScalarProduct(tbl, chi, pi), Indicator(tbl, [chi], 2)[1]]);
    Print(name, "\t", (Runtime() - t) / 1000., " s\t", Length(Filtered(out, x -> x[1] > 0)), " characters\n");
end;
TimeBlocks("D4 on 28x28", ImageGroupB(28, 28, [Rot90B, MirrorB]), 784);
TimeBlocks("Z28xZ28 on 28x28", ImageGroupB(28, 28, [ShiftXB, ShiftYB]), 784);
TimeBlocks("C4 on 28x28", ImageGroupB(28, 28, [Rot90B]), 784);
RegularB := G -> Action(G, AsList(G), OnRight);
TimeBlocks("S6 regular", RegularB(SymmetricGroup(6)), 720);
TimeBlocks("SL(2,5) regular", RegularB(SL(2, 5)), 120);
TimeBlocks("PSL(2,7) regular", RegularB(PSL(2, 7)), 168);
# last: GAP's default memory limit stops it (the partitions of 1000)
TimeBlocks("S1000 on 1000", SymmetricGroup(1000), 1000);
QUIT;
