# Oracle values for eqgeom's PermutationGroup tests: orders and orbits computed by GAP 4.
# Regenerate: gap -q < Tests/AlgebraTests/Oracles/groups.g > Tests/AlgebraTests/Oracles/groups.json
SizeScreen([100000, 24]);;
Reset(GlobalMersenneTwister, 20261123);;
Strip := function(s) s := ShallowCopy(s); RemoveCharacters(s, " \n\\"); return s; end;;
groups := [];;
# Rubik's cube group (GAP's "Analyzing Rubik's Cube with GAP" example).
cube := Group(
( 1, 3, 8, 6)( 2, 5, 7, 4)( 9,33,25,17)(10,34,26,18)(11,35,27,19),
( 9,11,16,14)(10,13,15,12)( 1,17,41,40)( 4,20,44,37)( 6,22,46,35),
(17,19,24,22)(18,21,23,20)( 6,25,43,16)( 7,28,42,13)( 8,30,41,11),
(25,27,32,30)(26,29,31,28)( 3,38,43,19)( 5,36,45,21)( 8,33,48,24),
(33,35,40,38)(34,37,39,36)( 3, 9,46,32)( 2,12,47,29)( 1,14,48,27),
(41,43,48,46)(42,45,47,44)(14,22,30,38)(15,23,31,39)(16,24,32,40) );;
Add(groups, [48, GeneratorsOfGroup(cube)]);;
for n in [4..14] do
  for k in [1..3] do
    gens := List([1..k], i -> Random(SymmetricGroup(n)));;
    Add(groups, [n, gens]);;
    # powers of random elements: smaller, often intransitive groups
    Add(groups, [n, List(gens, g -> g^Random([2..6]))]);;
  od;
od;
Print("[\n");;
for i in [1..Length(groups)] do
  n := groups[i][1];; gens := groups[i][2];; G := Group(gens, ());;
  line := Concatenation("{\"n\": ", String(n), ", \"generators\": [",
    JoinStringsWithSeparator(List(gens, g -> Concatenation("\"", Strip(String(g)), "\"")), ", "),
    "], \"order\": \"", String(Size(G)), "\", \"orbits\": ", Strip(String(List(OrbitsDomain(G, [1..n]), Set))), "}");;
  if i < Length(groups) then Append(line, ","); fi;
  Print(line, "\n");;
od;
Print("]\n");;
QUIT;
