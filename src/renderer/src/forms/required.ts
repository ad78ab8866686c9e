// Marks a field as required. The asterisk is drawn by CSS (app.css) rather than
// put inside the <label>, so the field's accessible name stays exactly its label.
export function required(isRequired = true) {
  return isRequired ? { required: true, withAsterisk: false, labelProps: { 'data-required': true } } : {};
}
