/**
 * Security headers (helmet) and the Content-Security-Policy the built client runs under without a
 * violation (tested in Chromium while playing, Phaser/WebGL included): scripts, styles, fonts and
 * images from this origin only, WebSockets to rooms, no framing, no plugins. Style attributes are
 * allowed (progress bars set their width inline); `<style>` elements and inline scripts are not.
 * The dev server (Vite, hot reload) runs without CSP.
 */
import type { NextFunction, Request, Response } from "express";
import helmet from "helmet";

export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "style-src-elem": ["'self'"],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    // Rooms may live on another process of the same deployment (REDIS_URL + PUBLIC_ADDRESS).
    "connect-src": ["'self'", "ws:", "wss:"],
    "worker-src": ["'self'", "blob:"],
    "media-src": ["'self'", "data:", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  },
};

export function securityHeaders(options: { csp: boolean }) {
  const headers = helmet({
    contentSecurityPolicy: options.csp ? CONTENT_SECURITY_POLICY : false,
    // Plain-HTTP LAN use (a café laptop) must keep working: no forced upgrade, HSTS only over HTTPS.
    strictTransportSecurity: { maxAge: 31_536_000 },
    crossOriginEmbedderPolicy: false,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    headers(req, res, (error?: unknown) => {
      if (error) return next(error);
      // Open Badges documents and images are fetched and embedded by other sites.
      if (req.path.startsWith("/api/")) res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
      next();
    });
  };
}
