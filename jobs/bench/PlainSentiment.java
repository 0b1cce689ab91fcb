import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The floor the sentiment stage is measured against: CoreNLP alone, in one plain JVM, over the
 * same sentences (one per line) with the same properties and number of threads as the job.
 * {@code java -cp target/discourse-atlas.jar:target/discourse-atlas-models.jar
 * jobs/bench/PlainSentiment.java sentences.txt 2}
 */
public final class PlainSentiment {
  public static void main(String[] args) throws Exception {
    List<String> sentences = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    int threads = Integer.parseInt(args[1]);
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    props.setProperty("tokenize.language", "en");
    props.setProperty("ssplit.isOneSentence", "true");
    props.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
    props.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
    props.setProperty("parse.binaryTrees", "true");
    props.setProperty("parse.buildgraphs", "false");
    props.setProperty("sentiment.model", "edu/stanford/nlp/models/sentiment/sentiment.ser.gz");
    long load = System.nanoTime();
    StanfordCoreNLP pipeline = new StanfordCoreNLP(props);
    double loadSeconds = (System.nanoTime() - load) / 1e9;
    List<Annotation> annotations = new ArrayList<>(sentences.size());
    for (String sentence : sentences) {
      annotations.add(new Annotation(sentence));
    }
    long start = System.nanoTime();
    pipeline.annotate(annotations, threads);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "plain CoreNLP sentiment: %d sentences, %d threads, %.1f s (models loaded in %.1f s): %.1f sentences/s%n",
        sentences.size(), threads, seconds, loadSeconds, sentences.size() / seconds);
  }
}
