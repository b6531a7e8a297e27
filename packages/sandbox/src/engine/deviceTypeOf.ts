// FlowInputMeta.initial_device_type, told from the hosted page's browser.

/** `FlowInputMeta.initial_device_type` from the page's User-Agent (the usual "Mobi" rule, plus tablets). */
export function deviceTypeOf(userAgent: string): 'mobile' | 'desktop' {
  return /Mobi|Android|iPhone|iPad|iPod|Tablet/i.test(userAgent) ? 'mobile' : 'desktop';
}
