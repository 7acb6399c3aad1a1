/** zod's own error messages in French (bodies, join options and messages are answered in French). */
import { z } from "zod";

z.config(z.locales.fr());
