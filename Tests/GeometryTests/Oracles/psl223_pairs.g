# PSL(2,23) on the 276 unordered pairs of its projective line: which real irreducibles of degree 22 occur in ℝ^276,
# and the smallest index of a subgroup H whose permutation character 1_H^G contains each exactly once (the
# coset-space models of MATH.md §8.5, step 1), over every conjugacy class of subgroups. `infinity` proves that no
# transitive G-set carries that character once. Run: gap -q psl223_pairs.g > psl223_pairs.txt
G := PSL(2,23);;
tbl := CharacterTable(G);;
irr := Irr(tbl);;
deg22 := Filtered([1..Length(irr)], i -> irr[i][1] = 22);;
Print("degree-22 characters (positions in Irr): ", deg22, "\n");
Print("their conductors (1: rational, 12: values in Q(sqrt 3)): ", List(deg22, i -> Conductor(irr[i])), "\n");
pi := PermutationCharacter(G, Stabilizer(G, [1, 2], OnSets));;
Print("multiplicities in R^276 (pairs): ", List(deg22, i -> ScalarProduct(tbl, pi, irr[i])), "\n");
H := fail;; ips := fail;;
best := List(deg22, i -> infinity);;
for c in ConjugacyClassesSubgroups(G) do
  H := Representative(c);
  ips := List(deg22, i -> ScalarProduct(tbl, PermutationCharacter(G, H), irr[i]));
  for k in [1..Length(deg22)] do
    if ips[k] = 1 and Index(G, H) < best[k] then best[k] := Index(G, H); fi;
  od;
od;
Print("smallest index of a subgroup carrying each once: ", best, "\n");
QUIT;
