// The hosted page's stylesheet. Every colour, radius and font reads a documented custom property
// (core's CSS_PROPERTIES); the theme's values and the flow's custom css are applied after it.
export const HOSTED_PAGE_STYLES = `
*,*::before,*::after{box-sizing:border-box}
html{background:var(--vg-color-background);color:var(--vg-color-text);font-family:var(--vg-font-family);-webkit-font-smoothing:antialiased}
body{margin:0;font-size:16px;line-height:1.5;background:var(--vg-color-background)}
.vg-shell{max-width:480px;margin:0 auto;padding:28px 20px 24px}
.vg-header{display:flex;flex-direction:column;align-items:center;gap:10px;margin-bottom:20px;text-align:center}
.vg-logo{height:var(--vg-logo-height);max-width:220px;object-fit:contain;display:block}
.vg-logo-svg{height:var(--vg-logo-height);width:auto;color:var(--vg-color-primary)}
.vg-logo-svg text{fill:var(--vg-color-text)}
.vg-title{margin:0;font-size:15px;font-weight:600;letter-spacing:.02em;color:var(--vg-color-muted);text-transform:uppercase}
.vg-progress{width:100%;display:flex;flex-direction:column;gap:6px}
.vg-progress-label{font-size:13px;color:var(--vg-color-muted)}
.vg-bar{height:6px;border-radius:999px;background:var(--vg-color-border);overflow:hidden}
.vg-bar>span{display:block;height:100%;background:var(--vg-color-primary);border-radius:inherit;transition:width .3s ease}
.vg-card{background:var(--vg-color-surface);border:1px solid var(--vg-color-border);border-radius:var(--vg-radius);padding:28px 24px;box-shadow:0 10px 30px rgba(15,23,42,.08)}
.vg-card h2{margin:0 0 8px;font-size:22px;line-height:1.25;font-weight:700}
.vg-card p{margin:0 0 16px;color:var(--vg-color-muted)}
.vg-card h2:not(:has(+p)){margin-bottom:18px}
.vg-center{text-align:center}
.vg-steps{list-style:none;margin:18px 0 22px;padding:0;display:flex;flex-direction:column;gap:10px}
.vg-steps li{display:flex;align-items:center;gap:12px;padding:10px 12px;border:1px solid var(--vg-color-border);border-radius:var(--vg-radius);font-weight:500}
.vg-steps .vg-num{flex:none;width:26px;height:26px;border-radius:50%;display:grid;place-items:center;background:var(--vg-color-primary);color:var(--vg-color-on-primary);font-size:13px;font-weight:700}
.vg-btn{appearance:none;display:block;width:100%;border:0;border-radius:var(--vg-radius);padding:14px 18px;font:inherit;font-weight:600;cursor:pointer;background:var(--vg-color-primary);color:var(--vg-color-on-primary);transition:filter .15s,opacity .15s}
.vg-btn:hover{filter:brightness(1.08)}
.vg-btn:disabled{opacity:.45;cursor:not-allowed;filter:none}
.vg-btn:focus-visible,.vg-input:focus-visible,.vg-select:focus-visible{outline:3px solid var(--vg-color-primary);outline-offset:2px}
.vg-btn-secondary{background:transparent;color:var(--vg-color-text);border:1px solid var(--vg-color-border)}
.vg-btn-danger{background:transparent;color:var(--vg-color-danger);border:1px solid var(--vg-color-danger)}
.vg-oval{position:relative;width:220px;height:280px;margin:8px auto 16px;border-radius:50%;overflow:hidden;background:#0b1020;border:4px solid var(--vg-color-primary);box-shadow:0 0 0 8px color-mix(in srgb,var(--vg-color-primary) 18%,transparent)}
.vg-oval video{width:100%;height:100%;object-fit:cover;transform:scaleX(-1);display:block}
.vg-oval svg{position:absolute;inset:0;width:100%;height:100%}
.vg-oval[data-state=error]{border-color:var(--vg-color-danger);box-shadow:0 0 0 8px color-mix(in srgb,var(--vg-color-danger) 18%,transparent)}
.vg-status{font-size:14px;text-align:center;color:var(--vg-color-muted);margin:0 0 18px}
.vg-status[data-tone=error]{color:var(--vg-color-danger);font-weight:600}
.vg-doc{position:relative;aspect-ratio:1.586;margin:8px 0 18px;border-radius:var(--vg-radius);border:2px dashed var(--vg-color-primary);display:grid;place-items:center;background:color-mix(in srgb,var(--vg-color-primary) 6%,var(--vg-color-surface))}
.vg-doc svg{width:72%;height:auto;color:var(--vg-color-primary)}
.vg-field{display:flex;flex-direction:column;gap:6px;margin-bottom:14px;text-align:left}
.vg-field label{font-size:13px;font-weight:600;color:var(--vg-color-muted)}
.vg-input,.vg-select{width:100%;font:inherit;color:var(--vg-color-text);background:var(--vg-color-surface);border:1px solid var(--vg-color-border);border-radius:var(--vg-radius);padding:12px 14px}
.vg-otp{text-align:center;font-size:26px;letter-spacing:.5em;font-variant-numeric:tabular-nums;padding-left:calc(14px + .5em)}
.vg-check{display:flex;gap:12px;align-items:flex-start;padding:14px;border:1px solid var(--vg-color-border);border-radius:var(--vg-radius);margin-bottom:18px;cursor:pointer;text-align:left}
.vg-check input{width:20px;height:20px;margin:2px 0 0;accent-color:var(--vg-color-primary);flex:none}
.vg-spinner{width:56px;height:56px;margin:8px auto 18px;border-radius:50%;border:5px solid var(--vg-color-border);border-top-color:var(--vg-color-primary);animation:vg-spin 1s linear infinite}
.vg-done{width:56px;height:56px;margin:8px auto 18px;border-radius:50%;display:grid;place-items:center;background:var(--vg-color-success);color:#fff;font-size:28px;font-weight:700}
.vg-result-icon{width:76px;height:76px;margin:4px auto 18px;border-radius:50%;display:grid;place-items:center;font-size:38px;font-weight:700;color:#fff;background:var(--vg-color-success)}
.vg-result-icon[data-tone=fail]{background:var(--vg-color-danger)}
.vg-result-icon[data-tone=neutral]{background:var(--vg-color-muted)}
.vg-alert{border-left:4px solid var(--vg-color-danger);background:color-mix(in srgb,var(--vg-color-danger) 10%,var(--vg-color-surface));padding:12px 14px;border-radius:6px;margin-bottom:16px;font-size:14px;text-align:left}
.vg-alert code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
.vg-tester{margin-top:16px;border:1px dashed var(--vg-color-border);border-radius:var(--vg-radius);padding:8px 10px;display:flex;flex-direction:column;gap:6px;font-size:12px;color:var(--vg-color-muted)}
.vg-tester-head{display:flex;align-items:center;gap:8px;font-weight:600}
.vg-tester-note{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
.vg-pill{font-size:10px;font-weight:700;letter-spacing:.08em;padding:1px 7px;border-radius:999px;background:#f59e0b;color:#1f1300}
.vg-tester-row{display:flex;gap:6px;flex-wrap:wrap;align-items:center}
.vg-tester-row>*{flex:1 1 auto;width:auto}
.vg-tester .vg-btn{padding:6px 10px;font-size:12px}
.vg-tester .vg-select{padding:5px 8px;font-size:12px;flex:2 1 9em}
.vg-footer{margin-top:18px;display:flex;justify-content:center;align-items:center;gap:6px;font-size:12px;color:var(--vg-color-muted)}
.vg-footer svg{width:12px;height:12px}
.vg-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@keyframes vg-spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.vg-spinner{animation-duration:3s}.vg-bar>span{transition:none}}
`;
