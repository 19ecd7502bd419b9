# The real blocks of permutation representations from GAP's character tables, for GAPRoundTripTests:
#   gap -q Tests/CLITests/Oracles/gap-blocks.g > Tests/CLITests/Oracles/gap-blocks.json
# A real irreducible W of G occurs in the permutation character χ as: ψ with Frobenius–Schur indicator 1 (type R,
# weight ψ(1), multiplicity ⟨χ, ψ⟩); a pair ψ, ψ̄ with indicator 0 (type C, weight 2ψ(1), multiplicity ⟨χ, ψ⟩);
# ψ with indicator −1 (type H, weight 2ψ(1), multiplicity ⟨χ, ψ⟩/2). Cases: name, generators in eqgeom's cycle
# notation, the number of points.
cases := [
  [ "q8 regular", [ "(1 2 4 6)(3 5 7 8)", "(1 3 4 7)(2 8 6 5)" ], 8 ],
  [ "d5", [ "(1 2 3 4 5)", "(2 5)(3 4)" ], 5 ],
  [ "a5", [ "(1 2 3 4 5)", "(1 2 3)" ], 5 ],
  [ "s4 x a4 on 10", [ "(1 2 3)(4 5 6)(7 8 9)", "(1 4)(2 5)(7 10)" ], 10 ],
  [ "s4", [ "(1 2)", "(1 2 3 4)" ], 4 ],
  [ "c7:c3 on 7", [ "(1 2 3 4 5 6 7)", "(2 3 5)(4 7 6)" ], 7 ],
  [ "c7 x c3", [ "(1 2 3 4 5 6 7)", "(8 9 10)" ], 10 ],
  [ "c7:c3 on 10", [ "(1 2 3 4 5 6 7)", "(2 3 5)(4 7 6)(8 9 10)" ], 10 ],
];
SetPrintFormattingStatus("*stdout*", false);
ToGAP := s -> EvalString(ReplacedString(s, " ", ","));
BlocksOf := function(gens, n)
  local G, tbl, irr, chi, ind, res, seen, i, psi, m;
  G := Group(List(gens, ToGAP));
  tbl := CharacterTable(G);
  irr := Irr(tbl);
  chi := ClassFunction(tbl, List(ConjugacyClasses(tbl), c -> n - NrMovedPoints(Representative(c))));
  ind := Indicator(tbl, 2);
  res := [];
  seen := [];
  for i in [1 .. Length(irr)] do
    psi := irr[i];
    m := ScalarProduct(tbl, chi, psi);
    if m > 0 and not i in seen then
      if ind[i] = 1 then
        Add(res, [ "R", psi[1], m ]);
      elif ind[i] = 0 then
        Add(seen, Position(irr, ComplexConjugate(psi)));
        Add(res, [ "C", 2 * psi[1], m ]);
      else
        Add(res, [ "H", 2 * psi[1], m / 2 ]);
      fi;
    fi;
  od;
  return SortedList(res);
end;
Print("[\n");
for k in [1 .. Length(cases)] do
  c := cases[k];
  b := BlocksOf(c[2], c[3]);
  Print("  {\"name\": \"", c[1], "\", \"n\": ", String(c[3]), ", \"generators\": [",
        JoinStringsWithSeparator(List(c[2], g -> Concatenation("\"", g, "\"")), ", "), "], \"blocks\": [",
        JoinStringsWithSeparator(List(b, x -> Concatenation("[\"", x[1], "\", ", String(x[2]), ", ", String(x[3]), "]")), ", "),
        "]}");
  if k < Length(cases) then Print(","); fi;
  Print("\n");
od;
Print("]\n");
QUIT;
