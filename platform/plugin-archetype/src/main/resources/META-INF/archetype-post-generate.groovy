// Runs after the files are generated. Batch mode (-B) does not apply the descriptor's validationRegex,
// so a bad namespace would only surface later as a failing unit test; say it here instead.
def namespace = request.properties.get('pluginNamespace')
if (!(namespace ==~ /[a-z0-9][a-z0-9-]*/)) {
    def project = new File(request.outputDirectory, request.artifactId)
    project.deleteDir()
    throw new IllegalArgumentException("pluginNamespace '" + namespace + "' (from artifactId '" + request.artifactId
            + "') must be lower-case letters, digits and '-', starting with a letter or digit; "
            + "pass one with -DpluginNamespace=...")
}
