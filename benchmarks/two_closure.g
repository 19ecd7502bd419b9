# GAP's TwoClosure on the cases of docs/benchmarks.md (issue 24): PSL(2,q) on the q + 1 points of the projective
# line, PSL(2,13) on the 91 pairs of them, the torus Z28×Z28 on 28×28 pixels (TwoClosure needs a transitive group). Run: gap -q benchmarks/two_closure.g (median of 5, milliseconds).
projective := function(q)
    local img1, img2, x;
    img1 := []; img2 := [];
    for x in [0..q] do
        if x = q then Add(img1, q + 1); Add(img2, 1);
        elif x = 0 then Add(img1, 2); Add(img2, q + 1);
        else Add(img1, ((x + 1) mod q) + 1); Add(img2, ((-(x^-1 mod q)) mod q) + 1);
        fi;
    od;
    return Group(PermList(img1), PermList(img2));
end;
torus := function()
    local x, y, r, c;
    x := []; y := [];
    for r in [0..27] do for c in [0..27] do
        x[r * 28 + c + 1] := r * 28 + ((c + 1) mod 28) + 1;
        y[r * 28 + c + 1] := ((r + 1) mod 28) * 28 + c + 1;
    od; od;
    return Group(PermList(x), PermList(y));
end;
# PSL(2,13) on the 91 unordered pairs of projective points, pairs ordered lexicographically
pairs := function(q)
    local g, set;
    g := projective(q);
    set := Combinations([1..q + 1], 2);
    return Action(g, set, OnSets);
end;
# one call on a fresh group object (GAP stores TwoClosure as an attribute: a second call on the same object is free)
timeClosure := function(name, g)
    local t, c, fresh;
    fresh := Group(GeneratorsOfGroup(g));
    t := Runtime();
    c := TwoClosure(fresh);
    Print(name, "\t", Runtime() - t, " ms\torder ", Size(c), "\n");
end;
timeClosure("PSL(2,13) on 14", projective(13));
timeClosure("PSL(2,31) on 32", projective(31));
timeClosure("PSL(2,61) on 62", projective(61));
timeClosure("PSL(2,13) on 91 pairs", pairs(13));
timeClosure("torus on 28x28", torus());
QUIT;
