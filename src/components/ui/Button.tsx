import type { ButtonHTMLAttributes } from 'react'

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }

export function Button({ variant = 'primary', type = 'button', ...props }: ButtonProps) {
  return <button className="button" data-variant={variant} type={type} {...props} />
}
