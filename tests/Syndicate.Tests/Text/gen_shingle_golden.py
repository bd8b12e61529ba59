#!/usr/bin/python3
"""Golden shingle hashes for ShinglerTests, computed from the documented scheme (not from the C# code).

Run with the Debian interpreter, which sees python3-xxhash:
    /usr/bin/python3 tests/Syndicate.Tests/Text/gen_shingle_golden.py
"""
import xxhash
M = (1<<64)-1
P1=0x9E3779B185EBCA87; P2=0xC2B2AE3D27D4EB4F; P5=0x27D4EB2F165667C5
def rotl(x,r): return ((x<<r)|(x>>(64-r)))&M
def finish(h):
    h=((h^(h>>30))*0xBF58476D1CE4E5B9)&M
    h=((h^(h>>27))*0x94D049BB133111EB)&M
    return h^(h>>31)
def tok(t,seed): return xxhash.xxh3_64_intdigest(t.encode('utf-16-le'), seed&M)
def words(text,k,seed):
    toks=[tok(t,seed) for t in text.split(' ') if t]
    wins=[toks[i:i+k] for i in range(len(toks)-k+1)] if len(toks)>=k else ([toks] if toks else [])
    out=[]
    for w in wins:
        h=(P5+(seed&M)+len(w))&M
        for t in w: h=(rotl((h+t*P2)&M,31)*P1)&M
        out.append(finish(h))
    return out
def chars(text,n,seed):
    if not text: return []
    if len(text)<n: return [finish(tok(text,seed))]
    return [finish(tok(text[i:i+n],seed)) for i in range(len(text)-n+1)]
s="بحث الرئيس الروسي فلاديمير بوتين خلال اتصال هاتفي مع نظيره الأذربيجاني"
for seed in (0,42,-7):
  print('words k=3 seed',seed,[hex(x) for x in words(s,3,seed)[:4]], len(words(s,3,seed)))
print('words k=16 seed 0', [hex(x) for x in words(s,16,0)])
print('chars n=4 seed 0', [hex(x) for x in chars(s,4,0)[:4]], len(chars(s,4,0)), len(s))
print('chars n=5 seed 0 short', [hex(x) for x in chars("بحث",5,0)])
