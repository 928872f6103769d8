/** Text for HTML or XML markup (text or a quoted attribute): every special character as a numeric reference. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
