/** The landing stylesheet, inlined with the CSP nonce: no extra request on the first view. */
export const landingCss = `*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;background:#f6f7f9}
.brand{display:flex;align-items:center;gap:.75rem;padding:.75rem 1rem;background:var(--b);color:var(--bt);font-weight:600}
.brand img{border-radius:8px;object-fit:cover;background:#fff}
main{max-width:32rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.375rem;line-height:1.3;margin:.5rem 0 1rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
:focus-visible{outline:3px solid #111;outline-offset:2px;box-shadow:0 0 0 5px #fff}
.scale{display:flex;flex-wrap:wrap;gap:.375rem;justify-content:center}
.scale button{min-width:44px;min-height:44px;border:0;background:none;cursor:pointer;font:inherit;color:inherit}
.stars button{font-size:2.75rem;line-height:1;color:#6b7280;padding:0 .125rem}
.stars:hover button,.stars button.on{color:#b45309}
.stars button:hover~button{color:#6b7280}
.nps button,.thumbs button{border:2px solid #6b7280;border-radius:.5rem;background:#fff;font-weight:600}
.nps button{width:2.75rem;height:2.75rem}
.thumbs button{font-size:2.25rem;padding:.5rem 1.5rem}
.nps button.on,.nps button:hover,.thumbs button.on{background:var(--b);color:var(--bt);border-color:var(--b)}
.ends{display:flex;justify-content:space-between;font-size:.875rem;color:#4b5563;margin:.5rem 0 0}
.btn,.primary{display:block;width:100%;min-height:48px;padding:.75rem 1rem;margin-top:1rem;border:0;border-radius:.75rem;background:var(--b);color:var(--bt);font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.platforms{list-style:none;padding:0;margin:0}
.platforms .btn{margin:0 0 .5rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input,textarea{display:block;width:100%;min-height:44px;padding:.5rem .75rem;border:1px solid #6b7280;border-radius:.5rem;font:inherit;background:#fff;color:inherit}
textarea{min-height:7rem}
.check{display:flex;gap:.625rem;align-items:center;font-weight:400;min-height:44px}
.check input{width:24px;height:24px;min-height:0;flex:none;margin:0}
.err{color:#b91c1c;font-size:.875rem;margin:.25rem 0 0}
details{margin-top:1.5rem;border-top:1px solid #d1d5db;padding-top:.5rem}
summary{cursor:pointer;font-weight:600;padding:.625rem 0}
.hp{display:none}
.muted{color:#4b5563}
a{color:#1d4ed8}
.link{display:inline-block;padding:.625rem 0}
`;
