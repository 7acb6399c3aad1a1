/** The few lucide icons the client uses, as lit-html-ready SVG elements (decorative: aria-hidden). */
import {
  Check,
  ChevronDown,
  ChevronUp,
  Clock,
  createElement,
  Eye,
  Lightbulb,
  Lock,
  LogIn,
  Pause,
  Play,
  Plus,
  Printer,
  Send,
  SkipForward,
  Square,
  ThumbsUp,
  Trash2,
  Undo2,
  Users,
  UserX,
  Volume2,
  VolumeX,
  X,
} from "lucide";

const ICONS = {
  check: Check,
  down: ChevronDown,
  up: ChevronUp,
  clock: Clock,
  eye: Eye,
  hint: Lightbulb,
  lock: Lock,
  join: LogIn,
  pause: Pause,
  play: Play,
  plus: Plus,
  print: Printer,
  send: Send,
  skip: SkipForward,
  stop: Square,
  agree: ThumbsUp,
  remove: Trash2,
  restore: Undo2,
  kick: UserX,
  users: Users,
  cross: X,
  sound: Volume2,
  mute: VolumeX,
} as const;

export type IconName = keyof typeof ICONS;

export function icon(name: IconName): SVGElement {
  return createElement(ICONS[name], { "aria-hidden": "true", focusable: "false", class: "icon" });
}
