# GAP's own PrintTo output of three generator lists (wrapped lines), read back by eqgeom's parser, and what GAP
# says about each group: its order and its rank (the number of orbitals on pairs of points).
# Run from this directory: gap -q printto.g   (writes printto-*.g and printto.json)
groups := [ ["s30", SymmetricGroup(30)], ["m24", MathieuGroup(24)], ["prim100", PrimitiveGroup(100, 1)] ];
out := OutputTextFile("printto.json", false);
SetPrintFormattingStatus(out, false);
PrintTo(out, "[");
for i in [1..Length(groups)] do
    name := groups[i][1];
    g := groups[i][2];
    PrintTo(Concatenation("printto-", name, ".g"), GeneratorsOfGroup(g));
    AppendTo(out, "{\"name\": \"", name, "\", \"n\": ", LargestMovedPoint(g), ", \"order\": \"", Size(g),
        "\", \"orbitals\": ", Length(OrbitsDomain(g, Tuples([1..LargestMovedPoint(g)], 2), OnTuples)), "}");
    if i < Length(groups) then AppendTo(out, ", "); fi;
od;
AppendTo(out, "]\n");
CloseStream(out);
QUIT;
