import path from 'node:path'

import ts from 'typescript'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const probeFile = path.join(repoRoot, 'tests/helpers/__sdk-types-probe.ts')

/**
 * Nullability as Stripe's OpenAPI spec declares it, read from the SDK's generated types (they come
 * from the same spec, `foo: X | null`). The fixtures give one example value per field; this says
 * whether a field may also be null, e.g. `customer.discount` when there is no discount.
 */
export class SdkNullability {
  private readonly checker: ts.TypeChecker
  private readonly roots = new Map<string, ts.Type>()

  constructor(typeNames: string[]) {
    const source = `import Stripe from 'stripe'\n${typeNames.map((name, i) => `export type T${i} = Stripe.${name}`).join('\n')}\n`
    const options: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [] }
    const host = ts.createCompilerHost(options)
    const readFile = host.readFile.bind(host)
    const fileExists = host.fileExists.bind(host)
    host.readFile = (file) => (path.resolve(file) === probeFile ? source : readFile(file))
    host.fileExists = (file) => path.resolve(file) === probeFile || fileExists(file)
    const getSourceFile = host.getSourceFile.bind(host)
    host.getSourceFile = (file, language) => (path.resolve(file) === probeFile ? ts.createSourceFile(file, source, language, true) : getSourceFile(file, language))
    const program = ts.createProgram({ rootNames: [probeFile], options, host })
    this.checker = program.getTypeChecker()
    const probe = program.getSourceFile(probeFile)
    if (!probe) throw new Error('SDK type probe did not compile')
    const aliases = probe.statements.filter(ts.isTypeAliasDeclaration)
    typeNames.forEach((name, i) => {
      const alias = aliases[i]
      if (!alias) throw new Error(`Missing probe alias for ${name}`)
      const type = this.checker.getTypeAtLocation(alias.name)
      if (type.flags & ts.TypeFlags.Any) throw new Error(`Stripe.${name} did not resolve in the SDK's types`)
      this.roots.set(name, type)
    })
  }

  /** `path` like `items.data[0].price.recurring`; false when the SDK doesn't know the field. */
  isNullable(typeName: string, fieldPath: string): boolean {
    let type = this.roots.get(typeName)
    const segments = fieldPath.split('.').flatMap((segment) => segment.split(/(?=\[0\])/))
    for (const [index, segment] of segments.entries()) {
      if (!type) return false
      const members = this.nonNullMembers(type)
      let next: ts.Type | undefined
      if (segment === '[0]') {
        next = members.map((member) => this.checker.getIndexTypeOfType(member, ts.IndexKind.Number)).find(Boolean)
      } else {
        const property = members.map((member) => member.getProperty(segment)).find(Boolean)
        next = property ? this.checker.getTypeOfSymbol(property) : undefined
      }
      if (index === segments.length - 1) return next ? this.includesNull(next) : false
      type = next
    }
    return false
  }

  private nonNullMembers(type: ts.Type): ts.Type[] {
    const members = type.isUnion() ? type.types : [type]
    return members.filter((member) => !(member.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
  }

  private includesNull(type: ts.Type): boolean {
    return type.isUnion() ? type.types.some((member) => Boolean(member.flags & ts.TypeFlags.Null)) : Boolean(type.flags & ts.TypeFlags.Null)
  }
}
