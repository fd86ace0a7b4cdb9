import { notFound } from 'next/navigation'

/** Any /account URL no screen answers: the not-found page inside the shell (with the nav back), not Next's bare one. */
export default function MissingAccountPage() {
  notFound()
}
