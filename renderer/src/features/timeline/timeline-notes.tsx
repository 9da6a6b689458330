/** The timeline's notes (gaps, incomplete chunks, error batches), as text, above its charts. */
export function TimelineNotes({ notes }: { notes: string[] }) {
  return (
    <ul className="tl-notes muted" data-testid="timeline-notes">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
