-- Oracle values for eqgeom's Geometry tests: codimension and degree of determinantal ideals,
-- and of the complexified realified blocks R(M_t(C)), computed by Macaulay2.
-- Regenerate: M2 --script Tests/GeometryTests/Oracles/determinantal.m2 > Tests/GeometryTests/Oracles/determinantal.json
out = {};
for m from 1 to 4 do for n from 1 to 4 do for r from 0 to min(m, n) do (
    R := QQ[X_1..X_(m*n)];
    M := genericMatrix(R, m, n);
    I := minors(r + 1, M);
    out = append(out, "{\"kind\": \"real\", \"m\": " | toString m | ", \"n\": " | toString n | ", \"r\": " | toString r |
        ", \"codim\": " | toString codim I | ", \"degree\": \"" | toString degree I | "\"}");
);
-- R(M_t(C)) for d x d complex matrices Z = A + iB: over C its points are (Z, conj Z) with rank <= t each,
-- so the ideal is minors(t+1, A+iB) + minors(t+1, A-iB) over Q(i).
K = toField(QQ[w]/(w^2 + 1));
for d from 1 to 3 do for t from 0 to d do (
    S := K[Y_1..Y_(2*d*d)];
    A := genericMatrix(S, Y_1, d, d);
    B := genericMatrix(S, Y_(d*d+1), d, d);
    J := minors(t + 1, A + w * B) + minors(t + 1, A - w * B);
    out = append(out, "{\"kind\": \"complex\", \"m\": " | toString d | ", \"n\": " | toString d | ", \"r\": " | toString t |
        ", \"codim\": " | toString codim J | ", \"degree\": \"" | toString degree J | "\"}");
);
print("[\n" | demark(",\n", out) | "\n]");
