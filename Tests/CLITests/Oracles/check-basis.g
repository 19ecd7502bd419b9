# Re-checks an exact adapted basis written by `eqgeom basis GROUP --out B.g` in GAP's own arithmetic (for
# GAPRoundTripTests): Read(B.g) defines eqgeomBasis; for every Galois class, its number field is built as
# AlgebraicExtension(Rationals, f) from the coefficients of f, and for every copy of the class's model on an orbit
# B (rows: the orbit's points) has full column rank and satisfies B[p] = B[g(p)]·M_g for every generator g and point
# p (P_g B = B M_g, M_g the model's matrix of g). Prints "basis holds: <classes> classes, <copies> copies" or the
# first failure.
CheckEqgeomBasis := function(b)
  local gens, copies, c, coefficients, K, a, element, M, copy, orbit, w, B, q, p, g, s, i, row;
  gens := List(b.generators, g -> PermList(g + 1));
  copies := 0;
  for c in b.classes do
    coefficients := List(c.field, Rat);
    if Length(coefficients) = 2 then
      K := Rationals;
      a := -coefficients[1] / coefficients[2];
    else
      K := AlgebraicExtension(Rationals, UnivariatePolynomial(Rationals, coefficients));
      a := RootOfDefiningPolynomial(K);
    fi;
    element := l -> Sum([1 .. Length(l)], i -> Rat(l[i]) * a ^ (i - 1)) * One(K);
    M := List(c.generators, m -> List(m, r -> List(r, element)));
    for copy in c.copies do
      orbit := b.orbits[copy.orbit + 1] + 1;
      w := Length(copy.values[1]);
      B := List([1 .. b.n], i -> ListWithIdenticalEntries(w, Zero(K)));
      for q in [1 .. Length(orbit)] do
        B[orbit[q]] := List(copy.values[q], element);
      od;
      if RankMat(B) <> w then
        return Concatenation("a copy on orbit ", String(copy.orbit), " is not of full column rank");
      fi;
      for s in [1 .. Length(gens)] do
        for p in orbit do
          if B[p] <> B[p ^ gens[s]] * M[s] then
            return Concatenation("P_g B <> B M_g for generator ", String(s), " at point ", String(p));
          fi;
        od;
      od;
      copies := copies + 1;
    od;
  od;
  return Concatenation("basis holds: ", String(Length(b.classes)), " classes, ", String(copies), " copies");
end;
Print(CheckEqgeomBasis(eqgeomBasis), "\n");
